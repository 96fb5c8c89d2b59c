using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;
using MqttKube.Expressions;
using MqttKube.Expressions.Formatting;
using MqttKube.Expressions.Regex;
using MqttKube.JsonPath;

namespace MqttKube.ValueMapping;

/// <summary>
/// Compiles a <c>values:</c> block, reporting every bad lambda, transform, regex, JSONPath and format string at its
/// line and column in the config.
/// </summary>
internal static class ValueMapCompiler
{
    public const string RegexPrefix = "re:";
    public const string LambdaPrefix = "lambda";

    public static ValueMap Compile(ValuesConfig? values, ConfigBindContext context, string path)
    {
        if (values is null)
        {
            return ValueMap.PassThrough;
        }

        var transform = values.Transform is { } t ? ParseExpression(t, t.Value, 0, context, $"{path}.transform") : null;
        if (transform is not null && !transform.IsLambda && transform.Root is not Expressions.Ast.NameNode)
        {
            context.Error(values.Transform!, $"'{path}.transform' must be a lambda (lambda v: ...) or a builtin name such as int");
        }

        JsonPathQuery? jsonPath = null;
        if (values.JsonPath is { } j && !JsonPathQuery.TryParse(j.Value, JsonPathSyntax.Locus, out jsonPath, out var jsonError))
        {
            context.Error(ConfigColumns.At(j, jsonError.Column), $"'{path}.jsonpath' is not a valid JSONPath: {jsonError.Message}");
        }

        (IMatcher, MapOutput)[]? entries = null;
        if (values.Map is { } map)
        {
            var mapPath = values.Shorthand ? path : $"{path}.map";
            entries = new (IMatcher, MapOutput)[map.Entries.Length];
            for (var i = 0; i < map.Entries.Length; i++)
            {
                var entry = map.Entries[i];
                entries[i] = (Matcher(entry.Key, context, mapPath), Output(entry.Output, context, mapPath));
            }
        }

        return new ValueMap(transform, jsonPath, entries);
    }

    private static IMatcher Matcher(YamlScalar key, ConfigBindContext context, string path)
    {
        if (key.Kind == YamlScalarKind.String && key.Value.StartsWith(RegexPrefix, StringComparison.Ordinal))
        {
            if (PyRegex.TryCompile(key.Value[RegexPrefix.Length..], out var regex, out var error))
            {
                return new RegexMatcher(regex!);
            }

            context.Error(ConfigColumns.At(key, RegexPrefix.Length + 1), $"'{path}' has an invalid regular expression: {error}");
            return new LiteralMatcher(key);
        }

        if (key.Kind == YamlScalarKind.String && IsLambda(key.Value))
        {
            var lambda = ParseExpression(key, key.Value, 0, context, path);
            if (lambda is null)
            {
                return new LiteralMatcher(key);
            }

            if (lambda.Parameters.Count != 1)
            {
                context.Error(key, $"'{path}' has a lambda with {lambda.Parameters.Count} parameters; a matcher takes one (lambda v: ...)");
            }

            return new LambdaMatcher(lambda);
        }

        return new LiteralMatcher(key);
    }

    internal static bool IsLambda(string text) =>
        text.StartsWith(LambdaPrefix, StringComparison.Ordinal) && text.Length > LambdaPrefix.Length && text[LambdaPrefix.Length] is ' ' or ':' or '\t';

    private static MapOutput Output(YamlNode output, ConfigBindContext context, string path)
    {
        if (output is YamlScalar { Kind: YamlScalarKind.String } scalar && PyFormat.HasReplacementFields(scalar.Value))
        {
            var probe = new Dictionary<string, PyValue>(StringComparer.Ordinal);
            if (!PyFormat.TryFormat(scalar.Value, Array.Empty<PyValue>(), probe, out _, out var error, out var errorType) && errorType == "ValueError")
            {
                context.Error(scalar, $"'{path}' has an invalid format string \"{YamlScalar.Shorten(scalar.Value)}\": {error}");
            }

            return MapOutput.Format(scalar.Value);
        }

        try
        {
            return MapOutput.Constant(YamlValues.ToJson(output));
        }
        catch (InvalidOperationException ex)
        {
            context.Error(output, $"'{path}' has an output that cannot be a value: {ex.Message}");
            return MapOutput.Constant(null);
        }
    }

    internal static Expression? ParseExpression(YamlScalar node, string text, int offset, ConfigBindContext context, string path)
    {
        if (Expression.TryParse(text, out var expression, out var error))
        {
            return expression;
        }

        context.Error(ConfigColumns.At(node, offset + error!.Column), $"'{path}' has an invalid expression: {error.Message}");
        return null;
    }
}
