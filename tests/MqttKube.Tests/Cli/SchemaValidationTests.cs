using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;
using MqttKube.Tests.Support;

namespace MqttKube.Tests.Cli;

/// <summary>
/// <c>mqtt-kube schema</c> accepts what the product accepts: every example and every valid config case validates
/// against it, and so do the spellings the loader takes (<c>protocol: 5</c>, <c>level: Warn</c>, enums in any case,
/// numbers as strings' text). Validated by <see cref="Validator"/>, the subset of JSON Schema the generator emits.
/// </summary>
public sealed class SchemaValidationTests
{
    private static readonly Lazy<JsonElement> Schema = new(() =>
    {
        var (exit, stdout, _) = Support.Cli.RunAsync("schema").GetAwaiter().GetResult();
        Assert.Equal(0, exit);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    });

    public static TheoryData<string> Configs()
    {
        var data = new TheoryData<string>();
        foreach (var example in Directory.GetFiles(Path.Combine(RepoPaths.Root, "examples"), "config-*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, example));
        }

        foreach (var folder in Directory.GetDirectories(RepoPaths.TestSource(Path.Combine("Configuration", "Cases")), "valid-*").Order(StringComparer.Ordinal))
        {
            if (File.ReadAllText(Path.Combine(folder, "expected.verified.txt")).StartsWith("OK: ", StringComparison.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepoPaths.Root, Path.Combine(folder, "config.yaml")));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Every_valid_config_validates_against_the_schema(string config) =>
        AssertValid(File.ReadAllText(Path.Combine(RepoPaths.Root, config)));

    [Theory]
    [InlineData("mqtt: {protocol: 5}\nlogging: {level: Warn}\n")]
    [InlineData("mqtt: {protocol: 5.0}\nlogging: {level: warning}\n")]
    [InlineData("mqtt: {protocol: 311}\nlogging: {level: debug, format: JSON}\n")]
    [InlineData("mqtt: {protocol: 3}\n")]
    [InlineData("mqtt: {protocol: \"3.1.1\", client-id: 42, auth: {type: Basic, username: u, password: 123456}}\n")]
    [InlineData("bindings:\n  - {namespace: 2024, resource: Deployment, name: d, preset: Appliance}\n")]
    public void Spellings_the_loader_accepts_validate(string text)
    {
        // The loader takes it (so the schema must) ...
        var diagnostics = new DiagnosticBag();
        Assert.NotNull(ConfigLoader.Parse(text, "config.yaml", "config.yaml", diagnostics));
        Assert.Empty(diagnostics.Items);

        // ... and so does the schema.
        AssertValid(text);
    }

    [Theory]
    [InlineData("mqtt: {protocol: 4}\n", "protocol")]
    [InlineData("mqtt: {protocol: \"3.1\"}\n", "protocol")]
    [InlineData("logging: {level: LOUD}\n", "level")]
    [InlineData("logging: {level: warnings}\n", "level")]
    [InlineData("mqtt: {port: \"1883\"}\n", "port")]
    [InlineData("mqtt: {prot: 1883}\n", "prot")]
    public void What_the_loader_refuses_the_schema_refuses_too(string text, string key)
    {
        var diagnostics = new DiagnosticBag();
        ConfigLoader.Parse(text, "config.yaml", "config.yaml", diagnostics);
        Assert.NotEmpty(diagnostics.Items);
        var errors = Validate(text);
        Assert.Contains(errors, e => e.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void The_protocol_and_level_schemas_list_the_names_any_case_and_the_numbers()
    {
        var defs = Schema.Value.GetProperty("$defs");
        var protocol = defs.GetProperty("MqttConfig").GetProperty("properties").GetProperty("protocol").GetProperty("anyOf");
        Assert.Equal(["3.1.1", "3", "311", "5", "5.0"], protocol[0].GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([3, 311, 5], protocol[1].GetProperty("enum").EnumerateArray().Select(e => e.GetDouble()));
        var level = defs.GetProperty("LoggingConfig").GetProperty("properties").GetProperty("level").GetProperty("anyOf");
        Assert.Equal("string", level[1].GetProperty("type").GetString());
        Assert.Matches(level[1].GetProperty("pattern").GetString()!, "wArN");
    }

    private static void AssertValid(string text)
    {
        var errors = Validate(text);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static List<string> Validate(string text)
    {
        var diagnostics = new DiagnosticBag();
        var node = YamlReader.Read(text, "config.yaml", diagnostics);
        Assert.Empty(diagnostics.Items);
        var json = JsonSerializer.SerializeToElement(YamlValues.ToJson(node!) ?? new JsonObject());
        var errors = new List<string>();
        new Validator(Schema.Value).Check(Schema.Value, json, "$", errors);
        return errors;
    }

    /// <summary>The keywords the generated schema uses: $ref, type, enum, anyOf, oneOf, pattern, properties, additionalProperties, required, items, minimum, maximum.</summary>
    private sealed class Validator(JsonElement root)
    {
        public bool Check(JsonElement schema, JsonElement value, string path, List<string> errors)
        {
            var before = errors.Count;
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var target = root;
                foreach (var part in reference.GetString()!.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
                {
                    target = target.GetProperty(part);
                }

                Check(target, value, path, errors);
            }

            if (schema.TryGetProperty("type", out var type))
            {
                var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
                if (!types.Any(t => IsType(t, value)))
                {
                    errors.Add($"{path}: {value.ValueKind} is not {string.Join("/", types)}");
                    return false;
                }
            }

            if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => Same(o, value)))
            {
                errors.Add($"{path}: {value} is not one of {options}");
            }

            if (schema.TryGetProperty("anyOf", out var anyOf) && !anyOf.EnumerateArray().Any(s => Check(s, value, path, [])))
            {
                errors.Add($"{path}: {value} matches none of anyOf");
            }

            if (schema.TryGetProperty("oneOf", out var oneOf) && oneOf.EnumerateArray().Count(s => Check(s, value, path, [])) != 1)
            {
                errors.Add($"{path}: {value} does not match exactly one of oneOf");
            }

            if (schema.TryGetProperty("pattern", out var pattern) && value.ValueKind == JsonValueKind.String
                && !Regex.IsMatch(value.GetString()!, pattern.GetString()!, RegexOptions.CultureInvariant))
            {
                errors.Add($"{path}: '{value.GetString()}' does not match {pattern.GetString()}");
            }

            if (value.ValueKind == JsonValueKind.Number)
            {
                if (schema.TryGetProperty("minimum", out var min) && value.GetDouble() < min.GetDouble())
                {
                    errors.Add($"{path}: {value} < {min}");
                }

                if (schema.TryGetProperty("maximum", out var max) && value.GetDouble() > max.GetDouble())
                {
                    errors.Add($"{path}: {value} > {max}");
                }
            }

            if (value.ValueKind == JsonValueKind.Object)
            {
                var properties = schema.TryGetProperty("properties", out var p) ? p : default;
                foreach (var property in value.EnumerateObject())
                {
                    if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var sub))
                    {
                        Check(sub, property.Value, $"{path}.{property.Name}", errors);
                    }
                    else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
                    {
                        errors.Add($"{path}: unknown key {property.Name}");
                    }
                }

                if (schema.TryGetProperty("required", out var required))
                {
                    foreach (var key in required.EnumerateArray().Select(k => k.GetString()!).Where(k => !value.TryGetProperty(k, out _)))
                    {
                        errors.Add($"{path}: missing {key}");
                    }
                }
            }

            if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
            {
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(items, item, $"{path}[{i++}]", errors);
                }
            }

            return errors.Count == before;
        }

        private static bool IsType(string type, JsonElement value) => type switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && Math.Floor(value.GetDouble()) == value.GetDouble(),
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            _ => throw new InvalidOperationException($"type {type}"),
        };

        private static bool Same(JsonElement a, JsonElement b) =>
            a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number
                ? a.GetDouble().ToString(CultureInfo.InvariantCulture) == b.GetDouble().ToString(CultureInfo.InvariantCulture)
                : JsonElement.DeepEquals(a, b);
    }
}
