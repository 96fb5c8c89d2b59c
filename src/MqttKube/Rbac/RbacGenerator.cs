using MqttKube.Configuration;

namespace MqttKube.Rbac;

/// <summary>The least-privilege RBAC a loaded config needs, as multi-document YAML (<c>mqtt-kube rbac</c>).</summary>
internal static class RbacGenerator
{
    /// <summary>The YAML, or null and the problems (each <c>FILE:LINE:COL: error: …</c>) in file order.</summary>
    public static string? Generate(MqttKubeConfig config, string file, string serviceAccountNamespace, out IReadOnlyList<ConfigDiagnostic> problems)
    {
        var diagnostics = new DiagnosticBag();
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        var grants = RbacPlanner.Plan(config, file, diagnostics, notes, serviceAccountNamespace);
        problems = [.. diagnostics.Sorted()];
        if (problems.Count > 0)
        {
            return null;
        }

        var hasActions = config.Bindings.Any(b => b.Action.Length > 0);
        return new RbacYamlWriter(serviceAccountNamespace).Write(RbacPolicy.Build(grants), notes, hasActions);
    }
}
