using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject obj, Action<JsonObject> action)
    {
        action(obj);
        return obj;
    }
}
