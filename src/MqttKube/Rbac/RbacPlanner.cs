using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Rbac;

/// <summary>
/// What each binding needs from the API server:
/// watch → list + watch on the type (one list+watch per kind and namespace is shared) and get on the object, and
/// list + watch on the kind a watch's <c>owned:</c> names (every object of it in the namespace is listed);
/// patch → get + patch on the object (the patch is guarded by the resourceVersion it read);
/// action → list and delete on the type when its values can name <c>delete</c> (it also removes the objects an action
/// launched, found by label), with a <c>launch</c> template create and get on the type too (launched objects have
/// names rendered from the template; <c>on-exists</c> reads them, and <c>replace</c> deletes them), and get + patch on the object when the action can <c>restart</c> it
/// (Deployments, DaemonSets and StatefulSets only); <c>run</c> (the cronjob and job presets) gets the object and
/// creates and gets Jobs. Presets are expanded by then: their associations count as written ones.
/// A binding of many (a selector, a name glob, <c>namespace: "*"</c>; SPEC 12) gets the same verbs without
/// <c>resourceNames</c> (the names are not known ahead), and <c>namespace: "*"</c> is granted by the ClusterRole.
/// </summary>
internal static class RbacPlanner
{
    /// <summary>The grants, in config order; problems (an unknown kind) go to <paramref name="diagnostics"/>.</summary>
    public static IReadOnlyList<RbacGrant> Plan(MqttKubeConfig config, string file, DiagnosticBag diagnostics, ICollection<string> notes, string serviceAccountNamespace)
    {
        var grants = new List<RbacGrant>();
        foreach (var binding in config.Bindings)
        {
            var resource = RbacResourceResolver.Resolve(binding.Resource, binding.ApiVersion, out var error);
            if (resource is null)
            {
                diagnostics.Add(file, binding.Node?.Get("resource")?.Position ?? binding.Node?.Position ?? SourcePosition.Start, error!);
                continue;
            }

            var ns = Scope(binding, resource, notes);
            var name = binding.Name.Length == 0 ? "*" : binding.Name;
            var described = $"{resource.Kind} {(binding.Namespace is null ? "" : binding.Namespace + "/")}{name}{(binding.Selector is null ? "" : $" ({binding.Selector})")}";
            if (resource.Note is { } note)
            {
                notes.Add(note);
            }

            if (binding.BindsMany)
            {
                notes.Add($"binding {described} binds objects by {(binding.Selector is null ? "a name glob" : "a label selector")}: its verbs are granted on every {resource.Kind} {(ns is null ? "in every namespace" : $"in {ns}")}, without resourceNames (the names are not known ahead).");
            }

            void Add(string verb, string? objectName, string why) =>
                grants.Add(new RbacGrant(ns, resource, verb, binding.BindsMany ? null : objectName, described, why));

            if (binding.Watch.Length > 0)
            {
                Add(RbacVerbs.List, null, "watch");
                Add(RbacVerbs.Watch, null, "watch");
                Add(RbacVerbs.Get, binding.Name, "watch");
                foreach (var kind in binding.Watch.Select(w => w.Owned).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    // owned: the newest object of KIND the bound one owns, from a list+watch of every KIND in its namespace.
                    var ownedResource = RbacResourceResolver.Resolve(kind, null, out _)!; // a built-in kind: the config check said so
                    var ownedScope = ownedResource.Namespaced == false ? null : ns;
                    grants.Add(new RbacGrant(ownedScope, ownedResource, RbacVerbs.List, null, described, "watch (owned)"));
                    grants.Add(new RbacGrant(ownedScope, ownedResource, RbacVerbs.Watch, null, described, "watch (owned)"));
                }
            }

            if (binding.Patch.Length > 0)
            {
                Add(RbacVerbs.Get, binding.Name, "patch");
                Add(RbacVerbs.Patch, binding.Name, "patch");
            }

            foreach (var action in binding.Action)
            {
                if (CanYield(action, "delete"))
                {
                    Add(RbacVerbs.List, null, "action");
                    Add(RbacVerbs.Delete, null, "action");
                }

                if (action.Launch is not null)
                {
                    Add(RbacVerbs.Create, null, "action");
                    Add(RbacVerbs.Get, null, "action");
                    if (action.OnExists == OnExists.Replace)
                    {
                        Add(RbacVerbs.Delete, null, "action");
                    }
                }

                if (resource.Restartable && CanYield(action, "restart"))
                {
                    Add(RbacVerbs.Get, binding.Name, "restart");
                    Add(RbacVerbs.Patch, binding.Name, "restart");
                }

                if (resource.Kind is "CronJob" or "Job" && CanYield(action, "run"))
                {
                    // run: a Job from the CronJob (read first), or the Job again (replaced: get, delete, create).
                    Add(RbacVerbs.Get, binding.Name, "run");
                    var jobs = RbacResourceResolver.Resolve("Job", "batch/v1", out _)!;
                    grants.Add(new RbacGrant(ns, jobs, RbacVerbs.Create, null, described, "run"));
                    grants.Add(new RbacGrant(ns, jobs, RbacVerbs.Get, null, described, "run"));
                    if (resource.Kind == "Job")
                    {
                        grants.Add(new RbacGrant(ns, jobs, RbacVerbs.Delete, null, described, "run"));
                    }
                }
            }
        }

        if (config.LeaderElection is { } election)
        {
            grants.AddRange(LeaseGrants(election, serviceAccountNamespace));
        }

        return grants;
    }

    /// <summary>
    /// Leader election: get and update on the one Lease, create on leases (create cannot be narrowed to a name), in the
    /// lease's namespace (by default the service account's, where the service runs and looks for it).
    /// </summary>
    private static IEnumerable<RbacGrant> LeaseGrants(LeaderElectionConfig election, string serviceAccountNamespace)
    {
        var lease = new RbacResource("coordination.k8s.io", "leases", "Lease", true, null);
        var ns = election.Namespace ?? serviceAccountNamespace;

        var described = $"leader-election {ns}/{election.Lease}";
        yield return new RbacGrant(ns, lease, RbacVerbs.Get, election.Lease, described, "leader election");
        yield return new RbacGrant(ns, lease, RbacVerbs.Update, election.Lease, described, "leader election");
        yield return new RbacGrant(ns, lease, RbacVerbs.Create, null, described, "leader election");
    }

    /// <summary>
    /// Whether the action's values can yield <paramref name="verb"/> (<c>restart</c>, <c>run</c>): with no map the
    /// payload itself names the action; with a map, when an output is the verb or a format string (<c>{value}</c> passes
    /// the payload through).
    /// </summary>
    internal static bool CanYield(ActionConfig action, string verb)
    {
        if (action.Values?.Map is not { } map)
        {
            return true;
        }

        foreach (var entry in map.Entries)
        {
            if (entry.Output is YamlScalar { Kind: YamlScalarKind.String } output
                && (output.Value.Trim().Equals(verb, StringComparison.OrdinalIgnoreCase)
                    || output.Value.Replace("{{", "", StringComparison.Ordinal).Contains('{', StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The namespace of the Role, or null for the ClusterRole.</summary>
    private static string? Scope(BindingConfig binding, RbacResource resource, ICollection<string> notes)
    {
        if (resource.Namespaced == false)
        {
            if (binding.Namespace is not null)
            {
                notes.Add($"{resource.Kind} is cluster-scoped: the namespace '{binding.Namespace}' of binding {resource.Kind} {binding.Name} is ignored.");
            }

            return null;
        }

        if (binding.Namespace is null && resource.Namespaced == true)
        {
            notes.Add($"binding {resource.Kind} {binding.Name} names no namespace: it is granted in every namespace (ClusterRole); add 'namespace:' to narrow it.");
        }

        return binding.InAllNamespaces ? null : binding.Namespace;
    }
}
