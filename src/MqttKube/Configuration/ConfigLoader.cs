using System.Text;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

/// <summary>Reads, parses, binds and checks a config file; never throws for bad input.</summary>
internal static partial class ConfigLoader
{
    public const string PasswordVariable = "MQTT_KUBE_MQTT_PASSWORD";
    public const string LogLevelVariable = "MQTT_KUBE_LOG_LEVEL";

    /// <summary>Loads <paramref name="path"/>; <paramref name="displayName"/> names the file in messages (default: the path as given).</summary>
    public static ConfigLoadResult Load(string path, Func<string, string?>? environment = null, string? displayName = null)
    {
        var diagnostics = new DiagnosticBag();
        var config = Load(path, diagnostics, environment, displayName);
        var sorted = diagnostics.Sorted().ToArray();
        return new ConfigLoadResult(sorted.Length == 0 ? config : null, sorted, diagnostics.Dropped);
    }

    /// <summary>Loads into <paramref name="diagnostics"/>; the config may be partial when there are errors.</summary>
    public static MqttKubeConfig? Load(string path, DiagnosticBag diagnostics, Func<string, string?>? environment, string? displayName)
    {
        var file = displayName ?? path;
        var text = ReadText(path, file, diagnostics);
        MqttKubeConfig? config = null;
        if (text is not null)
        {
            config = Parse(text, path, file, diagnostics);
        }

        if (config is not null)
        {
            config = ApplyEnvironment(config, environment ?? Environment.GetEnvironmentVariable, diagnostics);
        }

        return config;
    }

    /// <summary>Parses and binds config text (tests and <c>eval</c> use this without a file).</summary>
    internal static MqttKubeConfig? Parse(string text, string path, string file, DiagnosticBag diagnostics)
    {
        // YAML problems are held back until the text is known to be a config: messages about any other file (a key,
        // a password file named by mistake) could quote its content.
        var yaml = new DiagnosticBag();
        var root = YamlReader.Read(text, file, yaml);
        if (NotAConfig(root, text, yaml) is { } reason)
        {
            diagnostics.Add(file, reason.Position, "does not look like an mqtt-kube config: " + reason.Message);
            return null;
        }

        diagnostics.AddFrom(yaml);
        if (root is null)
        {
            return null;
        }

        var context = new ConfigBindContext(path, diagnostics, file);
        if (root is YamlScalar { IsNull: true })
        {
            context.Error(root, "the config file is empty; it needs at least 'bindings' (see examples/config-basic.yaml)");
            return null;
        }

        var config = MqttKubeConfig.BindYaml(root, context, string.Empty);
        if (config is not null)
        {
            config = Presets.PresetExpander.Expand(config, context);
            ConfigChecks.Run(config, context);
        }

        return config;
    }

    private static string? ReadText(string path, string file, DiagnosticBag diagnostics)
    {
        if (!InputFile.TryReadBytes(path, out var bytes, out var error))
        {
            diagnostics.Add(file, SourcePosition.Start, error);
            return null;
        }

        return Decode(bytes, file, diagnostics);
    }

    /// <summary>Strict UTF-8 (a BOM allowed); binary content is refused with the position of the first bad byte.</summary>
    internal static string? Decode(byte[] bytes, string file, DiagnosticBag diagnostics)
    {
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var nul = bytes.AsSpan(start).IndexOf((byte)0);
        var invalid = nul >= 0 ? start + nul : -1;
        if (invalid < 0 && !System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(start)))
        {
            invalid = start + FirstInvalidUtf8(bytes.AsSpan(start));
        }

        if (invalid >= 0)
        {
            diagnostics.Add(file, PositionOf(bytes, invalid), "the file is not UTF-8 text (binary content?); a config is YAML text");
            return null;
        }

        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    private static SourcePosition PositionOf(byte[] bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourcePosition(line, offset - lineStart + 1);
    }
}
