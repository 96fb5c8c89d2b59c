using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace MqttKube.FakeKube;

/// <summary>One open watch stream: a filter and a queue of event lines for the HTTP response to write.</summary>
internal sealed class FakeWatcher(FakeResource resource, string? ns, LabelSelector selector, FieldSelector fields)
{
    public FakeResource Resource { get; } = resource;

    public Channel<JsonObject> Events { get; } = Channel.CreateUnbounded<JsonObject>();

    /// <summary>Cancelled to abort the stream (a cut connection); <see cref="EndGracefully"/> ends it cleanly.</summary>
    public CancellationTokenSource Abort { get; } = new();

    public bool EndGracefully { get; set; }

    private bool Matches(JsonObject? obj) =>
        obj != null
        && (ns == null || (string?)obj["metadata"]?["namespace"] == ns)
        && fields.Matches(obj)
        && selector.Matches(obj);

    /// <summary>Offers a change; label-selector transitions become ADDED/DELETED as the real watch cache does.</summary>
    public void Offer(StoredEvent e)
    {
        if (e.StorageKey != Resource.StorageKey)
        {
            return;
        }

        var now = Matches(e.Object);
        var before = e.Type == "ADDED" ? false : Matches(e.Old);
        var type = e.Type switch
        {
            "ADDED" when now => "ADDED",
            "DELETED" when before || now => "DELETED",
            "MODIFIED" when before && now => "MODIFIED",
            "MODIFIED" when now => "ADDED",
            "MODIFIED" when before => "DELETED",
            _ => null,
        };
        if (type != null)
        {
            Send(type, e.Object);
        }
    }

    public void Send(string type, JsonObject obj) =>
        Events.Writer.TryWrite(new JsonObject { ["type"] = type, ["object"] = WithTypeMeta(obj) });

    private JsonObject WithTypeMeta(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        if (copy["kind"] == null && copy["apiVersion"] == null)
        {
            var typed = new JsonObject { ["kind"] = Resource.Kind, ["apiVersion"] = Resource.GroupVersion };
            foreach (var (k, v) in copy.ToList())
            {
                copy.Remove(k);
                typed[k] = v;
            }

            return typed;
        }

        return copy;
    }
}
