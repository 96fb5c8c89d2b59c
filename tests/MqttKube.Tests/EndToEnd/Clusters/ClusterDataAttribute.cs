using System.Reflection;
using Xunit.Sdk;

namespace MqttKube.Tests.EndToEnd.Clusters;

/// <summary>Runs a scenario theory on both clusters: "fake" (the fake API server) and "real" (a real kube-apiserver).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClusterDataAttribute : DataAttribute
{
    public const string Fake = "fake";
    public const string Real = "real";

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Fake], [Real]];
}
