namespace MqttKube.Rbac;

/// <summary>
/// The merged, sorted policy: one Role per namespace the bindings use, and the ClusterRole (cluster-scoped kinds,
/// and bindings that name no namespace).
/// </summary>
internal sealed class RbacPolicy
{
    private RbacPolicy(IReadOnlyList<(string Namespace, IReadOnlyList<RbacResourceRules> Rules)> roles, IReadOnlyList<RbacResourceRules> clusterRules)
    {
        Roles = roles;
        ClusterRules = clusterRules;
    }

    /// <summary>Per namespace (ordinal order), the rules of its Role.</summary>
    public IReadOnlyList<(string Namespace, IReadOnlyList<RbacResourceRules> Rules)> Roles { get; }

    /// <summary>The ClusterRole's rules; empty when nothing needs one.</summary>
    public IReadOnlyList<RbacResourceRules> ClusterRules { get; }

    /// <summary>
    /// Merges grants per (namespace, group, resource): verbs needed on the whole type form one rule; a verb needed on
    /// the whole type is dropped from the per-name rules; names that need the same verbs share one rule.
    /// </summary>
    public static RbacPolicy Build(IEnumerable<RbacGrant> grants)
    {
        var byScope = grants.GroupBy(g => g.Namespace).ToList();
        var roles = byScope.Where(s => s.Key is not null)
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => (s.Key!, Merge(s)))
            .ToList();
        var cluster = byScope.FirstOrDefault(s => s.Key is null) is { } c ? Merge(c) : [];
        return new RbacPolicy(roles, cluster);
    }

    private static IReadOnlyList<RbacResourceRules> Merge(IEnumerable<RbacGrant> grants) =>
        [.. grants.GroupBy(g => (g.Resource.Group, g.Resource.Plural))
            .OrderBy(g => g.Key.Group, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Plural, StringComparer.Ordinal)
            .Select(MergeResource)];

    private static RbacResourceRules MergeResource(IGrouping<(string Group, string Plural), RbacGrant> grants)
    {
        var (group, plural) = grants.Key;
        var anyObject = new SortedSet<string>(grants.Where(g => g.ResourceName is null).Select(g => g.Verb), StringComparer.Ordinal);
        var rules = new List<RbacRule>();
        if (anyObject.Count > 0)
        {
            rules.Add(new RbacRule(group, plural, [.. anyObject], []));
        }

        var verbsByName = grants.Where(g => g.ResourceName is not null && !anyObject.Contains(g.Verb))
            .GroupBy(g => g.ResourceName!)
            .Select(g => (Name: g.Key, Verbs: string.Join(",", g.Select(x => x.Verb).Distinct().Order(StringComparer.Ordinal))));
        foreach (var shared in verbsByName.GroupBy(x => x.Verbs)
            .Select(g => new RbacRule(group, plural, g.Key.Split(','), [.. g.Select(x => x.Name).Order(StringComparer.Ordinal)]))
            .OrderBy(r => r.ResourceNames[0], StringComparer.Ordinal))
        {
            rules.Add(shared);
        }

        var reasons = grants.GroupBy(g => g.Binding)
            .Select(b => $"{b.Key}: {string.Join(", ", b.Select(g => g.Use).Distinct())}")
            .Order(StringComparer.Ordinal)
            .ToList();
        return new RbacResourceRules(grants.First().Resource, rules, reasons);
    }
}
