using System.Text;
using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;
using MqttKube.JsonPath;
using MqttKube.Templates;
using MqttKube.ValueMapping;

namespace MqttKube.Bindings.Plan;

/// <summary>
/// Compiles a loaded config into a <see cref="BindingPlan"/>: loci, value maps (lambdas, regexes, JSONPaths,
/// format strings) and templates, reporting every problem at its line and column.
/// </summary>
internal static class BindingPlanner
{
    /// <summary>Loads CONFIG and compiles it (what <c>check</c> and <c>run</c> do first).</summary>
    public static PlanLoadResult Load(string path, Func<string, string?>? environment = null, string? displayName = null)
    {
        var diagnostics = new DiagnosticBag();
        var config = ConfigLoader.Load(path, diagnostics, environment, displayName);
        BindingPlan? plan = null;
        if (config is not null)
        {
            plan = Build(config, new ConfigBindContext(path, diagnostics, displayName ?? path));
        }

        var sorted = diagnostics.Sorted().ToArray();
        var load = new ConfigLoadResult(sorted.Length == 0 ? config : null, sorted, diagnostics.Dropped);
        return new PlanLoadResult(sorted.Length == 0 ? plan : null, load);
    }

    public static BindingPlan Build(MqttKubeConfig config, ConfigBindContext context)
    {
        var bindings = new PlannedBinding[config.Bindings.Length];
        for (var i = 0; i < bindings.Length; i++)
        {
            var binding = config.Bindings[i];
            var path = $"bindings[{i}]";
            bindings[i] = new PlannedBinding(
                i,
                binding,
                binding.Watch.Select((w, j) => new PlannedWatch(j, w, WatchLocus(w, context, $"{path}.watch[{j}]"), ValueMapCompiler.Compile(w.Values, context, $"{path}.watch[{j}].values"))).ToArray(),
                binding.Patch.Select((p, j) => Patch(j, p, context, $"{path}.patch[{j}]")).ToArray(),
                binding.Action.Select((a, j) => new PlannedAction(j, a, LoadTemplate(a, context), ValueMapCompiler.Compile(a.Values, context, $"{path}.action[{j}].values"), binding)).ToArray());
        }

        return new BindingPlan(config, bindings);
    }

    private static PlannedPatch Patch(int index, PatchConfig config, ConfigBindContext context, string path)
    {
        var patch = new PlannedPatch(index, config, PatchLocus(config, context, path), ValueMapCompiler.Compile(config.Values, context, $"{path}.values"));
        if (config.Restore && patch.RestoreAnnotation is null && config.Node is { } node)
        {
            context.Error(node.Get("restore") ?? node,
                $"'{path}.restore' needs a locus that ends in a member name (it names the annotation mqtt-kube/restore.<name>), such as $.spec.replicas");
        }

        return patch;
    }

    private static JsonPathQuery WatchLocus(WatchConfig watch, ConfigBindContext context, string path)
    {
        if (JsonPathQuery.TryParse(watch.Locus, JsonPathSyntax.Locus, out var query, out var error))
        {
            return query;
        }

        Report(watch.Node?.Get("locus"), error, context, $"'{path}.locus' is not a valid JSONPath");
        return Fallback;
    }

    private static Locus PatchLocus(PatchConfig patch, ConfigBindContext context, string path)
    {
        if (Locus.TryParse(patch.Locus, out var locus, out var error))
        {
            return locus;
        }

        Report(patch.Node?.Get("locus"), error, context, $"'{path}.locus' is not a singular JSONPath (names, indexes or a filter that selects one element)");
        Locus.TryParse("$.metadata.name", out var fallback, out _);
        return fallback!;
    }

    private static readonly JsonPathQuery Fallback = JsonPathQuery.TryParse("$", JsonPathSyntax.Strict, out var q, out _) ? q : throw new InvalidOperationException();

    private static void Report(YamlNode? node, JsonPathError error, ConfigBindContext context, string message)
    {
        if (node is YamlScalar scalar)
        {
            context.Error(ConfigColumns.At(scalar, error.Column), $"{message}: {error.Message}");
        }
    }

    private static Template? LoadTemplate(ActionConfig action, ConfigBindContext context)
    {
        if (action.Launch is not { } launch || InputFile.Problem(launch.Path) is not null)
        {
            return null; // a missing file (or one that is not a regular file) is reported by the config checks
        }

        return Template.Load(launch.Path, launch.Display, context.Diagnostics);
    }

    /// <summary>FNV-1a: stable across runs and machines, and no crypto library needed (check runs without OpenSSL).</summary>
    internal static ulong Fnv1a64(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>
    /// The stable value of the <c>mqtt-kube/binding</c> label on objects an action launched for the bound object
    /// <paramref name="ns"/>/<paramref name="name"/>: the object's name and a hash of what identifies the action and
    /// the object, within the 63 characters a label value may have. A named binding's is what it always was (its own
    /// namespace and name: the arguments are not used); a binding of many gets one per bound object, so that
    /// <c>replace</c> and <c>delete</c> for one object never touch what was launched for another.
    /// </summary>
    internal static string LaunchLabel(BindingConfig binding, ActionConfig action, string? ns, string name)
    {
        var (objectNamespace, objectName) = binding.BindsMany ? (ns, name) : (binding.Namespace, binding.Name);
        var identity = $"{objectNamespace}/{binding.Resource.ToLowerInvariant()}/{objectName}/{action.Topic}";
        var hash = Fnv1a64(Encoding.UTF8.GetBytes(identity)).ToString("x16", System.Globalization.CultureInfo.InvariantCulture)[..10];
        var readable = new string(objectName.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_').Take(40).ToArray()).Trim('-', '.', '_');
        return readable.Length == 0 ? hash : $"{readable}-{hash}";
    }
}
