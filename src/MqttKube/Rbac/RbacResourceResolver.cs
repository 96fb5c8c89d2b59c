using MqttKube.Configuration;

namespace MqttKube.Rbac;

/// <summary>Maps a binding's <c>resource</c> and <c>api-version</c> to an RBAC group and plural, without a cluster.</summary>
internal static class RbacResourceResolver
{
    /// <summary>The resource, or null with <paramref name="error"/> set.</summary>
    public static RbacResource? Resolve(string resource, string? apiVersion, out string? error)
    {
        error = null;
        string? group = null;
        if (!string.IsNullOrWhiteSpace(apiVersion))
        {
            var text = apiVersion.Trim();
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            group = slash < 0 ? string.Empty : text[..slash];
        }

        if (BuiltinResources.Find(resource, group) is { } known)
        {
            return new RbacResource(known.Group, known.Plural, known.Kind, known.Namespaced, null);
        }

        var name = resource.Trim();
        if (group is null)
        {
            error = $"unknown resource '{YamlShorten(name)}': it is not one of the common built-in kinds, so rbac cannot tell its "
                + "API group without a cluster; add 'api-version: GROUP/VERSION' to the binding (for a custom resource: its CRD's group and version)";
            return null;
        }

        // An unknown kind: kubectl names types by kind (Widget) or by plural (widgets); take a lower-case name
        // ending in 's' as the plural, anything else as a kind and guess its plural.
        var plural = char.IsAsciiLetterLower(name.Length > 0 ? name[0] : ' ') && name.EndsWith('s')
            ? name
            : GuessPlural(name);
        if (!KubernetesNames.IsValidLabel(plural))
        {
            error = $"resource '{YamlShorten(name)}' cannot be a Kubernetes kind or plural name (letters and digits only)";
            return null;
        }

        var where = group.Length == 0 ? "the core group" : $"group {group}";
        var note = plural == name
            ? $"'{name}' is not a built-in kind; taken as the plural of a resource in {where}. Check: kubectl api-resources --api-group={group}"
            : $"'{name}' is not a built-in kind; its plural was guessed as '{plural}' ({where}). Check: kubectl api-resources --api-group={group}";
        return new RbacResource(group, plural, name, null, note);
    }

    /// <summary>A lower-case English plural: consonant + y → ies; s, x, z, ch, sh → es; else s (Gateway → gateways).</summary>
    public static string GuessPlural(string kind)
    {
        var lower = kind.Trim().ToLowerInvariant();
        if (lower.Length == 0)
        {
            return lower;
        }

        if (lower.EndsWith('y') && lower.Length > 1 && !"aeiou".Contains(lower[^2], StringComparison.Ordinal))
        {
            return lower[..^1] + "ies";
        }

        if (lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith('z') || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal))
        {
            return lower + "es";
        }

        return lower + "s";
    }

    private static string YamlShorten(string text) => Configuration.Yaml.YamlScalar.Shorten(text);
}
