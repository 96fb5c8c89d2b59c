namespace MqttKube.Tests.EndToEnd;

/// <summary>Objects for the fake cluster, as JSON.</summary>
internal static class Objects
{
    public static string Deployment(string name, string ns = "media", int replicas = 0) => """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"NAME","namespace":"NS","labels":{"app":"NAME"}},
         "spec":{"replicas":REPLICAS,"selector":{"matchLabels":{"app":"NAME"}},
                 "template":{"metadata":{"labels":{"app":"NAME"}},"spec":{"containers":[{"name":"app","image":"example/NAME:1"}]}}}}
        """.Replace("NAME", name).Replace("NS", ns).Replace("REPLICAS", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string DaemonSet(string name, string ns, int ready) => """
        {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"NAME","namespace":"NS"},
         "spec":{"selector":{"matchLabels":{"app":"NAME"}},"template":{"metadata":{"labels":{"app":"NAME"}},"spec":{"containers":[{"name":"c","image":"x"}]}}},
         "status":{"numberReady":READY,"desiredNumberScheduled":3}}
        """.Replace("NAME", name).Replace("NS", ns).Replace("READY", ready.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
