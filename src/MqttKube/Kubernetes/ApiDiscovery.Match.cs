namespace MqttKube.Kubernetes;

internal sealed partial class ApiDiscovery
{
    /// <summary>
    /// Kind first, then plural, singular and short names; across groups the first in discovery order wins (core and
    /// built-in groups come first). `deployments.apps` style names and an `api-version` narrow the search.
    /// </summary>
    internal static ResourceType? Match(IReadOnlyList<ResourceType> types, string resource, string? apiVersion)
    {
        var name = resource.Trim();
        IEnumerable<ResourceType> candidates = types;
        if (!string.IsNullOrWhiteSpace(apiVersion))
        {
            var wanted = apiVersion.Trim();
            candidates = candidates.Where(t => string.Equals(t.ApiVersion, wanted, StringComparison.OrdinalIgnoreCase)
                || (!wanted.Contains('/', StringComparison.Ordinal) && string.Equals(t.Group, wanted, StringComparison.OrdinalIgnoreCase)));
        }
        else if (name.IndexOf('.', StringComparison.Ordinal) is var dot and > 0)
        {
            var group = name[(dot + 1)..];
            var qualified = candidates.Where(t => string.Equals(t.Group, group, StringComparison.OrdinalIgnoreCase)).ToList();
            if (MatchName(qualified, name[..dot]) is { } q)
            {
                return q;
            }
        }

        return MatchName(candidates.ToList(), name);
    }

    private static ResourceType? MatchName(List<ResourceType> candidates, string name)
    {
        bool Eq(string a) => string.Equals(a, name, StringComparison.OrdinalIgnoreCase);
        return candidates.FirstOrDefault(t => Eq(t.Kind))
            ?? candidates.FirstOrDefault(t => Eq(t.Plural))
            ?? candidates.FirstOrDefault(t => Eq(t.Kind.ToLowerInvariant()))
            ?? candidates.FirstOrDefault(t => t.ShortNames.Any(Eq));
    }

    private static KubeApiException Unknown(IReadOnlyList<ResourceType> types, string resource, string? apiVersion)
    {
        if (!string.IsNullOrWhiteSpace(apiVersion) && !types.Any(t => string.Equals(t.ApiVersion, apiVersion.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return new KubeApiException(404, "UnknownResource", $"the API server does not serve api-version \"{apiVersion}\" (for resource \"{resource}\")");
        }

        var names = types.Where(t => string.IsNullOrWhiteSpace(apiVersion) || string.Equals(t.ApiVersion, apiVersion.Trim(), StringComparison.OrdinalIgnoreCase))
            .SelectMany(t => new[] { t.Kind, t.Plural }.Concat(t.ShortNames)).Distinct(StringComparer.OrdinalIgnoreCase);
        var best = names.Select(n => (Name: n, Distance: Distance(n.ToLowerInvariant(), resource.Trim().ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(1, resource.Length / 3)).OrderBy(x => x.Distance).Select(x => x.Name).FirstOrDefault();
        var where = string.IsNullOrWhiteSpace(apiVersion) ? "" : $" in {apiVersion}";
        return new KubeApiException(404, "UnknownResource",
            $"the API server has no resource type \"{resource}\"{where}{(best == null ? "" : $" (did you mean \"{best}\"?)")}");
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }
}
