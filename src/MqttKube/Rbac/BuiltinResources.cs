using MqttKube.Kubernetes;

namespace MqttKube.Rbac;

/// <summary>
/// The common built-in kinds with their plural and short names and scope (<see cref="BuiltinKinds"/>, as a stock
/// API server's discovery reports them): <c>rbac</c> runs without a cluster, so this table stands in for discovery.
/// </summary>
internal static class BuiltinResources
{
    public static IReadOnlyList<ResourceType> All => BuiltinKinds.All;

    /// <summary>
    /// Finds <paramref name="resource"/> as kubectl does: kind, then plural, singular and short names, any case;
    /// <c>deployments.apps</c> names the group too. A non-null <paramref name="group"/> (from an api-version)
    /// narrows the search to that group, whatever the version (RBAC rules do not name versions).
    /// </summary>
    public static ResourceType? Find(string resource, string? group)
    {
        var name = resource.Trim();
        if (group is null && name.IndexOf('.', StringComparison.Ordinal) is var dot and > 0
            && Find(name[..dot], name[(dot + 1)..]) is { } qualified)
        {
            return qualified;
        }

        var candidates = group is null ? All : [.. All.Where(t => string.Equals(t.Group, group, StringComparison.OrdinalIgnoreCase))];
        bool Eq(string text) => string.Equals(text, name, StringComparison.OrdinalIgnoreCase);
        return candidates.FirstOrDefault(t => Eq(t.Kind))
            ?? candidates.FirstOrDefault(t => Eq(t.Plural))
            ?? candidates.FirstOrDefault(t => t.ShortNames.Any(Eq));
    }
}
