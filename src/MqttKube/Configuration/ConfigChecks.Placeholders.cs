using MqttKube.Configuration.Yaml;
using MqttKube.Mqtt;

namespace MqttKube.Configuration;

internal static partial class ConfigChecks
{
    /// <summary>
    /// Placeholders in a binding's topic: only <c>{name}</c> and <c>{namespace}</c>; a binding of many objects needs
    /// them so each object gets a topic of its own (<c>{name}</c>, and <c>{namespace}</c> too across namespaces).
    /// </summary>
    private static void CheckPlaceholders(BindingConfig binding, string topic, YamlMapping? node, ConfigBindContext context, string path)
    {
        if (node?.Get("topic") is not YamlScalar scalar)
        {
            return;
        }

        if (MqttTopic.PlaceholderProblem(topic) is { } problem)
        {
            context.Error(ConfigColumns.At(scalar, problem.Column), $"'{path}': {problem.Message}");
            return;
        }

        if (!binding.BindsMany)
        {
            return;
        }

        if (!MqttTopic.Holds(topic, MqttTopic.NamePlaceholder))
        {
            context.Error(scalar, $"'{path}' must hold {{name}}: the binding binds many objects and each needs a topic of its own: '{YamlScalar.Shorten(topic)}'");
        }
        else if (binding.InAllNamespaces && !MqttTopic.Holds(topic, MqttTopic.NamespacePlaceholder))
        {
            context.Error(scalar, $"'{path}' must hold {{namespace}} too: with namespace \"*\" two objects of one name in two namespaces would share it: '{YamlScalar.Shorten(topic)}'");
        }
    }

    /// <summary>
    /// Two watches that would publish to one concrete topic (under the topic prefix), as far as the config shows it
    /// (SPEC 12): the same topic after the placeholders a named binding fixes are filled in; the same topic in two
    /// bindings that bind the same objects; or a named binding's topic that a glob binding of its kind and namespace
    /// would publish for that very object. Where labels decide (a selector), only run time can tell: a warning there.
    /// Inbound topics are not claims: a command topic that several bindings share reaches each of them.
    /// </summary>
    private static void CheckClaims(MqttKubeConfig config, ConfigBindContext context)
    {
        var prefix = config.Mqtt.TopicPrefix;
        var concrete = new Dictionary<string, WatchClaim>(StringComparer.Ordinal);
        var templates = new Dictionary<string, WatchClaim>(StringComparer.Ordinal);
        var all = new List<WatchClaim>();
        for (var i = 0; i < config.Bindings.Length; i++)
        {
            var binding = config.Bindings[i];
            var preset = Math.Max(0, binding.Watch.Length - OwnWatchCount(binding));
            for (var j = 0; j < binding.Watch.Length; j++)
            {
                var watch = binding.Watch[j];
                if (watch.Topic.Length == 0 || MqttTopic.PlaceholderProblem(watch.Topic) is not null)
                {
                    continue;
                }

                // A preset's watches come first and are not in the file: reported at the preset.
                var (path, at) = j >= preset && watch.Node?.Get("topic") is YamlScalar scalar
                    ? ($"bindings[{i}].watch[{j - preset}].topic", scalar.Position)
                    : ($"bindings[{i}].preset", (binding.Node?.Get("preset") ?? binding.Node)?.Position ?? SourcePosition.Start);
                var claim = new WatchClaim(path, at, binding, KindKey(binding), watch.Topic, Filled(binding, prefix, watch.Topic));
                if (claim.Concrete && concrete.TryGetValue(claim.Topic, out var same))
                {
                    context.Error(at, $"'{path}' publishes to the same topic as '{same.Path}' (line {same.At.Line}): '{YamlScalar.Shorten(claim.Topic)}': one topic, one state");
                    continue;
                }

                if (!claim.Concrete && templates.TryGetValue(StaticClaim(binding, claim.Topic), out var alike))
                {
                    context.Error(at, $"'{path}' publishes to the same topic as '{alike.Path}' (line {alike.At.Line}) once its placeholders are filled in ('{YamlScalar.Shorten(watch.Topic)}'): one topic, one state");
                    continue;
                }

                if (all.FirstOrDefault(other => other.Concrete != claim.Concrete && (claim.Concrete ? Covers(other, claim) : Covers(claim, other))) is { } covered)
                {
                    var named = claim.Concrete ? claim : covered;
                    var many = claim.Concrete ? covered : claim;
                    var how = Bindings.NameGlob.IsGlob(many.Binding.Name) ? $"its name glob '{many.Binding.Name}' matches" : "it binds in every namespace";
                    context.Error(at, $"'{path}' publishes to the same topic as '{covered.Path}' (line {covered.At.Line}): '{YamlScalar.Shorten(named.Topic)}' of {named.Binding.Resource} {Describe(named.Binding)}, which {many.Path[..many.Path.IndexOf('.', StringComparison.Ordinal)]} binds too ({how}): one topic, one state");
                    continue;
                }

                if (claim.Concrete)
                {
                    concrete[claim.Topic] = claim;
                }
                else
                {
                    templates.TryAdd(StaticClaim(binding, claim.Topic), claim);
                }

                all.Add(claim);
            }
        }
    }

    /// <summary>One watch's topic: <see cref="Topic"/> is under the prefix, with what a named binding fixes filled in.</summary>
    private sealed record WatchClaim(string Path, SourcePosition At, BindingConfig Binding, string Kind, string Written, string Topic)
    {
        public bool Concrete { get; } = !MqttTopic.HasPlaceholders(Topic);
    }

    /// <summary>How many watches the file itself holds (a preset adds others, first).</summary>
    private static int OwnWatchCount(BindingConfig binding) => binding.Node?.Get("watch") switch
    {
        YamlMapping => 1,
        YamlSequence many => many.Items.Count,
        _ => 0,
    };

    /// <summary>The topic under the prefix, with the name and namespace of a named binding filled in.</summary>
    private static string Filled(BindingConfig binding, string? prefix, string topic)
    {
        if (!binding.BindsMany)
        {
            topic = topic.Replace(MqttTopic.NamePlaceholder, binding.Name, StringComparison.Ordinal);
            topic = binding.Namespace is { } ns ? topic.Replace(MqttTopic.NamespacePlaceholder, ns, StringComparison.Ordinal) : topic;
        }

        return MqttTopic.Join(prefix, topic);
    }

    /// <summary>
    /// Whether <paramref name="many"/> (a binding with placeholders left) publishes <paramref name="named"/>'s concrete
    /// topic for <paramref name="named"/>'s own object: same kind, no selector (labels are not known ahead), a name or
    /// glob that takes the name, a namespace that holds it, and the topic it fills in for it.
    /// </summary>
    private static bool Covers(WatchClaim many, WatchClaim named)
    {
        var (m, n) = (many.Binding, named.Binding);
        if (m.Selector is not null || n.BindsMany || !string.Equals(many.Kind, named.Kind, StringComparison.Ordinal))
        {
            return false;
        }

        var nameFits = Bindings.NameGlob.IsGlob(m.Name)
            ? Bindings.NameGlob.TryParse(m.Name, out var glob, out _, out _) && glob!.Matches(n.Name)
            : string.Equals(m.Name, n.Name, StringComparison.Ordinal);
        if (!nameFits || !(m.InAllNamespaces || string.Equals(m.Namespace, n.Namespace, StringComparison.Ordinal)))
        {
            return false;
        }

        if (n.Namespace is null && MqttTopic.Holds(many.Topic, MqttTopic.NamespacePlaceholder))
        {
            return false; // the kubeconfig's namespace: not known ahead
        }

        return string.Equals(MqttTopic.Expand(many.Topic, n.Namespace, n.Name), named.Topic, StringComparison.Ordinal);
    }

    private static string Describe(BindingConfig binding) => binding.Namespace is { } ns ? $"{ns}/{binding.Name}" : binding.Name;

    /// <summary>The kind a binding names, alike however it is written (Deployment, deployments, deploy).</summary>
    private static string KindKey(BindingConfig binding) =>
        Kubernetes.ApiDiscovery.Match(Kubernetes.BuiltinKinds.All, binding.Resource, binding.ApiVersion) is { } type
            ? $"{type.Group}/{type.Kind}"
            : $"{binding.ApiVersion}/{binding.Resource.ToLowerInvariant()}";

    /// <summary>
    /// What a template claims: for a named object the topic with its name (and namespace, when given) filled in;
    /// for many objects the topic with what chooses them (two such bindings clash only when they choose alike).
    /// </summary>
    private static string StaticClaim(BindingConfig binding, string filled) =>
        binding.BindsMany
            ? $"{filled}\u0000{KindKey(binding)}\u0000{binding.Namespace}\u0000{binding.Name}\u0000{binding.Selector}"
            : $"{filled}\u0000{KindKey(binding)}";
}
