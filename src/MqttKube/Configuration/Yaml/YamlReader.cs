using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MqttKube.Configuration.Yaml;

/// <summary>
/// Reads one YAML document into <see cref="YamlNode"/>s from YamlDotNet's parser events (no reflection),
/// reporting syntax errors, duplicate keys and abuse (deep nesting, alias bombs) as diagnostics.
/// </summary>
internal sealed partial class YamlReader
{
    public const int MaxDepth = 100;

    /// <summary>
    /// How much aliases may add to a document, in <see cref="YamlNode.Size"/> units (nodes plus scalar characters):
    /// the tree shares what an alias names, but every walk over it visits each copy, so a "billion laughs" of a few
    /// hundred bytes is refused here by what it would expand to, not by how many aliases it has.
    /// </summary>
    public const long MaxAliasExpansion = 1_000_000;

    private readonly IParser parser;
    private readonly string file;
    private readonly DiagnosticBag diagnostics;
    private readonly Dictionary<string, YamlNode> anchors = new(StringComparer.Ordinal);
    private long expansion;

    private SourcePosition LastPosition => parser.Current is { } current ? ToPosition(current.Start) : SourcePosition.Start;

    private YamlReader(string text, string file, DiagnosticBag diagnostics)
    {
        parser = new Parser(new StringReader(text));
        this.file = file;
        this.diagnostics = diagnostics;
    }

    /// <summary>
    /// Parses <paramref name="text"/> as a single YAML document. Returns null (with diagnostics) when it is
    /// not valid YAML. An empty document yields a null scalar.
    /// </summary>
    public static YamlNode? Read(string text, string file, DiagnosticBag diagnostics)
    {
        YamlReader? reader = null;
        try
        {
            reader = new YamlReader(text, file, diagnostics);
            return reader.ReadStream();
        }
        catch (YamlException ex)
        {
            diagnostics.Add(file, ToPosition(ex.Start), "invalid YAML: " + CleanMessage(ex.Message));
            return null;
        }
        catch (DepthException ex)
        {
            diagnostics.Add(file, ex.Position, ex.Message);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these on some malformed input; report where parsing stopped.
            diagnostics.Add(file, reader?.LastPosition ?? SourcePosition.Start, "invalid YAML: cannot parse the text here (an unclosed bracket or quote?)");
            return null;
        }
    }

    internal static SourcePosition ToPosition(Mark mark) =>
        new((int)Math.Max(1, Math.Min(mark.Line, int.MaxValue)), (int)Math.Max(1, Math.Min(mark.Column, int.MaxValue)));

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 6, Idx: 21): "; we print our own position.
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("(Line", StringComparison.Ordinal) && cut >= 0 ? message[(cut + 3)..] : message;
        text = text.Trim();
        return text.Length > 0 && char.IsUpper(text[0]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private YamlNode? ReadStream()
    {
        Expect<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return new YamlScalar(string.Empty, false, SourcePosition.Start, null);
        }

        parser.Consume<DocumentStart>();
        var root = ReadNode(0);
        parser.Consume<DocumentEnd>();
        if (parser.Accept<DocumentStart>(out var second))
        {
            diagnostics.Add(file, ToPosition(second.Start), "the file holds more than one YAML document; a config is one document");
            return null;
        }

        parser.Consume<StreamEnd>();
        return root;
    }

    private void Expect<T>()
        where T : ParsingEvent => parser.Consume<T>();

    private YamlNode ReadNode(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new DepthException(ToPosition(parser.Current!.Start), $"nesting deeper than {MaxDepth} levels");
        }

        var current = parser.Current ?? throw new YamlException("unexpected end of the document");
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (!anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw new YamlException(alias.Start, alias.End, $"unknown anchor '*{alias.Value.Value}'");
                }

                // Each use of an alias is a full copy for whoever walks the tree (a merge key copies no more).
                expansion += target.Size;
                if (expansion > MaxAliasExpansion)
                {
                    throw new DepthException(ToPosition(alias.Start), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the aliases expand to more than {MaxAliasExpansion:N0} nodes and characters (an alias bomb?)"));
                }

                return target;
            case Scalar scalar:
                parser.MoveNext();
                return Remember(scalar.Anchor, new YamlScalar(
                    scalar.Value,
                    scalar.Style is not ScalarStyle.Plain,
                    ToPosition(scalar.Start),
                    TagOf(scalar.Tag, scalar.Start)));
            case SequenceStart start:
                return ReadSequence(start, depth);
            case MappingStart start:
                return ReadMapping(start, depth);
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private YamlNode ReadSequence(SequenceStart start, int depth)
    {
        parser.MoveNext();
        var items = new List<YamlNode>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode(depth + 1));
        }

        return Remember(start.Anchor, new YamlSequence(items, ToPosition(start.Start), TagOf(start.Tag, start.Start)));
    }

    private YamlNode Remember(AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }

        return node;
    }

    private string? TagOf(TagName tag, Mark at)
    {
        if (tag.IsEmpty || tag.IsNonSpecific)
        {
            return null;
        }

        var value = tag.Value;
        if (value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
        {
            var known = value["tag:yaml.org,2002:".Length..] is "str" or "int" or "float" or "bool" or "null" or "map" or "seq";
            if (!known)
            {
                diagnostics.Add(file, ToPosition(at), $"unsupported tag '!!{value["tag:yaml.org,2002:".Length..]}'");
            }
        }
        else if (value != ConfigTags.RelPath)
        {
            diagnostics.Add(file, ToPosition(at), $"unknown tag '{value}' (the config knows {ConfigTags.RelPath})");
        }

        return value;
    }

    private sealed class DepthException(SourcePosition position, string message) : Exception(message)
    {
        public SourcePosition Position { get; } = position;
    }
}
