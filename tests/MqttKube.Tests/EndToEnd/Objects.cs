using System.Globalization;

namespace MqttKube.Tests.EndToEnd;

/// <summary>Objects for the clusters, as JSON; valid for a real API server.</summary>
internal static class Objects
{
    public static string Deployment(string name, string ns = "media", int replicas = 0) => """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"NAME","namespace":"NS","labels":{"app":"NAME"}},
         "spec":{"replicas":REPLICAS,"selector":{"matchLabels":{"app":"NAME"}},
                 "template":{"metadata":{"labels":{"app":"NAME"}},"spec":{"containers":[{"name":"app","image":"example/NAME:1"}]}}}}
        """.Replace("NAME", name).Replace("NS", ns).Replace("REPLICAS", replicas.ToString(CultureInfo.InvariantCulture));

    public static string DaemonSet(string name, string ns, int ready) => """
        {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"NAME","namespace":"NS"},
         "spec":{"selector":{"matchLabels":{"app":"NAME"}},"template":{"metadata":{"labels":{"app":"NAME"}},"spec":{"containers":[{"name":"c","image":"x"}]}}},
         "status":{"numberReady":READY,"desiredNumberScheduled":3}}
        """.Replace("NAME", name).Replace("NS", ns).Replace("READY", ready.ToString(CultureInfo.InvariantCulture));

    /// <summary>A StatefulSet whose pods start in parallel (scaling down never waits for a pod to become ready).</summary>
    public static string StatefulSet(string name, string ns, int replicas) => """
        {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"NAME","namespace":"NS"},
         "spec":{"replicas":REPLICAS,"serviceName":"NAME","podManagementPolicy":"Parallel","selector":{"matchLabels":{"app":"NAME"}},
                 "template":{"metadata":{"labels":{"app":"NAME"}},"spec":{"containers":[{"name":"c","image":"example/NAME:1"}]}}}}
        """.Replace("NAME", name).Replace("NS", ns).Replace("REPLICAS", replicas.ToString(CultureInfo.InvariantCulture));

    public static string Node(string name) => """{"apiVersion":"v1","kind":"Node","metadata":{"name":"NAME"},"spec":{}}""".Replace("NAME", name);

    public static string Widget(string name, string ns, int speed) =>
        """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"NAME","namespace":"NS"},"spec":{"speed":SPEED}}"""
            .Replace("NAME", name).Replace("NS", ns).Replace("SPEED", speed.ToString(CultureInfo.InvariantCulture));

    /// <summary>A widget whose spec nests <paramref name="depth"/> objects deep (custom resources may).</summary>
    public static string DeepWidget(string name, string ns, int depth) =>
        """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"NAME","namespace":"NS"},"spec":{"deep":"""
            .Replace("NAME", name).Replace("NS", ns)
        + string.Concat(Enumerable.Repeat("""{"a":""", depth)) + "1" + new string('}', depth) + "}}";
}
