using System.Text;
using System.Text.Json.Nodes;

namespace MqttKube.Tests.Fuzz;

/// <summary>
/// RFC 9535 without filters, written as plainly as the RFC states it: the answer the product's evaluator must give
/// for the queries <see cref="JsonPathGen"/> builds (values and normalized paths, in order).
/// </summary>
internal static class JsonPathModel
{
    public static List<(JsonNode? Node, string Path)> Evaluate(JsonNode? root, JsonPathGen.Segment[] segments)
    {
        List<(JsonNode? Node, string Path)> nodes = [(root, "$")];
        foreach (var segment in segments)
        {
            var next = new List<(JsonNode?, string)>();
            foreach (var (node, path) in nodes)
            {
                foreach (var (target, targetPath) in segment.Descendant ? Descendants(node, path) : [(node, path)])
                {
                    foreach (var selector in segment.Selectors)
                    {
                        next.AddRange(selector.Model!(target).Select(s => (s.Node, targetPath + s.Step)));
                    }
                }
            }

            nodes = next;
        }

        return nodes;
    }

    /// <summary>The node and its descendants, each before its children, arrays in order (RFC 9535 2.5.2.2).</summary>
    public static IEnumerable<(JsonNode? Node, string Path)> Descendants(JsonNode? node, string path)
    {
        var pending = new Stack<(JsonNode?, string)>();
        pending.Push((node, path));
        while (pending.TryPop(out var item))
        {
            yield return item;
            var children = item.Item1 switch
            {
                JsonArray a => a.Select((v, i) => (v, item.Item2 + $"[{i}]")).ToList(),
                JsonObject o => o.Select(p => (p.Value, item.Item2 + NameStep(p.Key))).ToList(),
                _ => [],
            };
            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
    }

    /// <summary>The array slice selector (RFC 9535 2.3.4.2.2).</summary>
    public static IEnumerable<(JsonNode?, string)> Slice(JsonNode? node, long? start, long? end, long? step)
    {
        if (node is not JsonArray a || step == 0)
        {
            yield break;
        }

        long len = a.Count;
        var s = step ?? 1;
        static long Normalize(long i, long len) => i >= 0 ? i : len + i;
        if (s > 0)
        {
            var lower = Math.Min(Math.Max(Normalize(start ?? 0, len), 0), len);
            var upper = Math.Min(Math.Max(Normalize(end ?? len, len), 0), len);
            for (var i = lower; i < upper; i += s)
            {
                yield return (a[(int)i], $"[{i}]");
            }
        }
        else
        {
            var upper = Math.Min(Math.Max(Normalize(start ?? len - 1, len), -1), len - 1);
            var lower = Math.Min(Math.Max(Normalize(end ?? -len - 1, len), -1), len - 1);
            for (var i = upper; lower < i; i += s)
            {
                yield return (a[(int)i], $"[{i}]");
            }
        }
    }

    /// <summary>A name's normalized path step (RFC 9535 2.7).</summary>
    public static string NameStep(string name)
    {
        var sb = new StringBuilder("['");
        foreach (var c in name)
        {
            sb.Append(c switch
            {
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\'' => "\\'",
                '\\' => "\\\\",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.Append("']").ToString();
    }

    /// <summary>Nodes in the document (every value, the root included) and its depth.</summary>
    public static (int Nodes, int Depth) Size(JsonNode? root)
    {
        var pending = new Stack<(JsonNode?, int)>();
        pending.Push((root, 1));
        var (count, deepest) = (0, 0);
        while (pending.TryPop(out var item))
        {
            count++;
            deepest = Math.Max(deepest, item.Item2);
            foreach (var child in item.Item1 switch { JsonArray a => a, JsonObject o => o.Select(p => p.Value), _ => [] })
            {
                pending.Push((child, item.Item2 + 1));
            }
        }

        return (count, deepest);
    }
}
