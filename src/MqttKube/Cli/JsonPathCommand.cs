using System.Text.Encodings.Web;
using System.Text.Json;
using MqttKube.Configuration;
using MqttKube.JsonPath;

namespace MqttKube.Cli;

/// <summary><c>mqtt-kube jsonpath [--strict] [--] QUERY [FILE]</c>: try a locus on a document (SPEC 2, 6).</summary>
internal sealed class JsonPathCommand(Func<TextReader>? stdin = null) : ICommand
{
    private const string Prefix = "mqtt-kube jsonpath: error:";

    /// <summary>The most the printed result may hold (a value a query selects many times is printed each time).</summary>
    private const long MaxOutputBytes = 4 * InputFile.MaxBytes;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = JsonInput.MaxDepth + 1 };

    private readonly Func<TextReader> stdin = stdin ?? (() => Console.In);

    public string Name => "jsonpath";

    public string Summary => "evaluate a JSONPath query on a JSON document (FILE or stdin)";

    public string Usage => """
        Usage: mqtt-kube jsonpath [--strict] [--] QUERY [FILE]

        Evaluates QUERY on the JSON document in FILE (or standard input, e.g.
        'kubectl get deploy x -o json | mqtt-kube jsonpath .status.replicas') and
        prints the selected values as one JSON array on one line.

        QUERY is accepted as a locus is: RFC 9535 JSONPath, and also without the
        leading '$' (status.availableReplicas), in kubectl braces ({.status.replicas})
        and with ?(…) filters ([?(@.name=='app')]).

        Options:
          --strict    accept RFC 9535 syntax only
          --          end of options
          --help      show this help

        Exit codes: 0 ok, 2 invalid query, invalid document or unreadable file.

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var strict = false;
        var positional = new List<string>();
        var optionsEnded = false;
        foreach (var arg in args)
        {
            if (!optionsEnded && arg.StartsWith('-') && arg != "-")
            {
                switch (arg)
                {
                    case "--":
                        optionsEnded = true;
                        continue;
                    case "--strict":
                        strict = true;
                        continue;
                    case "--help" or "-h":
                        await stdout.WriteAsync(Usage).ConfigureAwait(false);
                        return ExitCodes.Ok;
                    default:
                        await stderr.WriteLineAsync($"{Prefix} unknown option '{arg}' (try --help; use -- before a query that starts with '-')").ConfigureAwait(false);
                        return ExitCodes.BadInput;
                }
            }

            positional.Add(arg);
        }

        if (positional.Count is 0 or > 2)
        {
            await stderr.WriteLineAsync($"{Prefix} expected QUERY [FILE] (try --help)").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var text = positional[0];
        if (!JsonPathQuery.TryParse(text, strict ? JsonPathSyntax.Strict : JsonPathSyntax.Locus, out var query, out var error))
        {
            await stderr.WriteLineAsync($"{Prefix} invalid query at column {error.Column}: {error.Message}").ConfigureAwait(false);
            await stderr.WriteLineAsync($"  {Printable(text)}").ConfigureAwait(false);
            await stderr.WriteLineAsync($"  {new string(' ', error.Column - 1)}^").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var file = positional.Count == 2 && positional[1] != "-" ? positional[1] : null;
        byte[] json;
        if (file is null)
        {
            var (input, tooLarge) = await InputFile.ReadBoundedAsync(stdin()).ConfigureAwait(false);
            if (input is null)
            {
                await stderr.WriteLineAsync($"{Prefix} <stdin>: {tooLarge}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            json = System.Text.Encoding.UTF8.GetBytes(input);
        }
        else if (!InputFile.TryReadBytes(file, out json!, out var unreadable))
        {
            await stderr.WriteLineAsync($"{Prefix} {file}: {unreadable}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        if (!JsonInput.TryParse(json, JsonInput.MaxDepth, out var document, out var invalid))
        {
            await stderr.WriteLineAsync($"{Prefix} {file ?? "<stdin>"}:{invalid.Line}:{invalid.Column}: invalid JSON document: {invalid.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        if (!query.TryEvaluate(document, out var nodes, out var tooMuch))
        {
            await stderr.WriteLineAsync($"{Prefix} {tooMuch}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        if (Render(nodes) is not { } rendered)
        {
            await stderr.WriteLineAsync($"{Prefix} the result is larger than {MaxOutputBytes / (1024 * 1024)} MB; narrow the query").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        await stdout.WriteLineAsync(rendered).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>The values as one compact JSON array, non-ASCII text kept as is; null past <see cref="MaxOutputBytes"/>.</summary>
    internal static string? Render(IReadOnlyList<JsonPathNode> nodes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var node in nodes)
            {
                if (writer.BytesPending + writer.BytesCommitted > MaxOutputBytes)
                {
                    return null;
                }

                if (node.Value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    node.Value.WriteTo(writer);
                }
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Printable(string text) =>
        string.Create(text.Length, text, static (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = char.IsControl(t[i]) ? ' ' : t[i];
            }
        });
}
