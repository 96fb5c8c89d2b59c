using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MqttKube.JsonPath;
using MqttKube.ValueMapping;

namespace MqttKube.Cli;

/// <summary><c>mqtt-kube eval --values FILE [--outbound] [--] INPUT...</c>: try a values block (SPEC 2, 4).</summary>
internal sealed partial class EvalCommand(Func<TextReader>? stdin = null) : ICommand
{
    private const string Prefix = "mqtt-kube eval: error:";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = JsonInput.MaxDepth + 64 };

    private readonly Func<TextReader> stdin = stdin ?? (() => Console.In);

    public string Name => "eval";

    public string Summary => "run a values: block over inputs and print one JSON line each";

    public string Usage => """
        Usage: mqtt-kube eval --values FILE [--outbound] [--] INPUT...

        Runs the values block in FILE (YAML; '-' for standard input; either the block
        itself or a mapping with one key 'values') over each INPUT and prints one JSON
        line per input:
          {"input":"ON","match":true,"value":1}
          {"input":"MAYBE","match":false}

        Inbound (default): INPUT is an MQTT payload, as a patch or action sees it.
        --outbound: INPUT is a JSON value as read from a Kubernetes object, as a watch
        sees it (null for a missing locus); each line also carries "payload", the
        exact text the watch would publish (null for an empty payload).

        Exit codes: 0, or 2 on a bad values block or an outbound INPUT that is not JSON.

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        string? file = null;
        var outbound = false;
        var inputs = new List<string>();
        var options = true;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (options && arg == "--")
            {
                options = false;
            }
            else if (options && arg == "--outbound")
            {
                outbound = true;
            }
            else if (options && arg is "--values" or "-v")
            {
                if (++i >= args.Count)
                {
                    return await Fail(stderr, "--values needs a FILE").ConfigureAwait(false);
                }

                file = args[i];
            }
            else if (options && arg.StartsWith("--values=", StringComparison.Ordinal))
            {
                file = arg["--values=".Length..];
            }
            else if (options && arg.StartsWith('-') && arg.Length > 1)
            {
                return await Fail(stderr, $"unknown option '{arg}' (try --help; put -- before an input that starts with '-')").ConfigureAwait(false);
            }
            else
            {
                inputs.Add(arg);
            }
        }

        if (file is null)
        {
            return await Fail(stderr, "--values FILE is required (try --help)").ConfigureAwait(false);
        }

        var map = await LoadAsync(file, stderr).ConfigureAwait(false);
        if (map is null)
        {
            return ExitCodes.BadInput;
        }

        var values = new MapValue[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            if (!outbound)
            {
                values[i] = MapValue.Payload(inputs[i]);
                continue;
            }

            if (!JsonInput.TryParse(inputs[i], JsonInput.MaxDepth, out var json, out var error))
            {
                return await Fail(stderr, $"outbound input {i + 1} is not JSON: {error} (quote strings: '\"ON\"')").ConfigureAwait(false);
            }

            values[i] = MapValue.Json(json);
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            await stdout.WriteLineAsync(Line(inputs[i], map.Map(values[i]), outbound)).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    internal static string Line(string input, MapResult result, bool outbound)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("input", input);
            writer.WriteBoolean("match", result.Matched);
            if (result.Matched)
            {
                writer.WritePropertyName("value");
                WriteValue(writer, result.Output);
            }

            if (outbound)
            {
                var published = result.Output;
                if (!result.Matched && !result.Value.TryToJson(out published, out _))
                {
                    published = null;
                }

                var text = PayloadText.Of(published);
                if (text.Length == 0)
                {
                    writer.WriteNull("payload");
                }
                else
                {
                    writer.WriteString("payload", text);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonNode? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    private static async Task<int> Fail(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync($"{Prefix} {message}").ConfigureAwait(false);
        return ExitCodes.BadInput;
    }
}
