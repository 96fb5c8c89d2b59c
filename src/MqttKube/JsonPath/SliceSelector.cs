using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary><c>[start:end:step]</c> with the RFC 9535 2.3.4.2 bounds semantics.</summary>
internal sealed class SliceSelector(long? start, long? end, long? step) : Selector
{
    public long? Start { get; } = start;

    public long? End { get; } = end;

    public long? Step { get; } = step;

    public override void Select(in JsonPathNode node, JsonPathContext context, List<JsonPathNode> output)
    {
        if (node.Value is not JsonArray array)
        {
            return;
        }

        long len = array.Count;
        var step = Step ?? 1;
        if (step == 0)
        {
            return;
        }

        var start = Start ?? (step >= 0 ? 0 : len - 1);
        var end = End ?? (step >= 0 ? len : -len - 1);
        var nStart = start >= 0 ? start : len + start;
        var nEnd = end >= 0 ? end : len + end;
        if (step > 0)
        {
            var lower = Math.Min(Math.Max(nStart, 0), len);
            var upper = Math.Min(Math.Max(nEnd, 0), len);
            for (var i = lower; i < upper; i += step)
            {
                output.Add(new JsonPathNode(array[(int)i], Child(node.Location, (int)i)));
            }
        }
        else
        {
            var upper = Math.Min(Math.Max(nStart, -1), len - 1);
            var lower = Math.Min(Math.Max(nEnd, -1), len - 1);
            for (var i = upper; lower < i; i += step)
            {
                output.Add(new JsonPathNode(array[(int)i], Child(node.Location, (int)i)));
            }
        }
    }
}
