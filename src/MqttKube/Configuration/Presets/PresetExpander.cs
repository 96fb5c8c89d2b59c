using System.Collections.Immutable;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration.Presets;

/// <summary>
/// Expands each binding's <c>preset</c> (SPEC 13) into ordinary associations, placed before the binding's own: what
/// <c>check --dump</c> prints and what a user can copy out and edit. The associations are the YAML of
/// <see cref="PresetText"/> bound by the same binders as the user's, with state topics <c>&lt;namespace&gt;/&lt;name&gt;/&lt;entity&gt;</c>
/// and command topics <c>…/set</c>.
/// </summary>
internal static class PresetExpander
{
    public static MqttKubeConfig Expand(MqttKubeConfig config, ConfigBindContext context)
    {
        if (!config.Bindings.Any(b => b.Preset != Preset.None))
        {
            return config;
        }

        var bindings = config.Bindings.ToBuilder();
        for (var i = 0; i < bindings.Count; i++)
        {
            if (bindings[i].Preset != Preset.None)
            {
                bindings[i] = Expand(bindings[i], context, $"bindings[{i}]");
            }
        }

        return config with { Bindings = bindings.ToImmutable() };
    }

    private static BindingConfig Expand(BindingConfig binding, ConfigBindContext context, string path)
    {
        var at = binding.Node?.Get("preset");
        var name = PresetText.Name(binding.Preset);
        if (!PresetText.Fits(binding.Preset, binding.Resource))
        {
            Report(context, at, binding.Node, $"'{path}.preset' {name} is for {PresetText.Kinds(binding.Preset)}, not {YamlScalar.Shorten(binding.Resource)}");
            return binding;
        }

        var text = PresetText.Of(binding.Preset, TopicBase(binding));
        var diagnostics = new DiagnosticBag();
        var inner = new ConfigBindContext(context.File, diagnostics, $"preset {name}");
        var root = YamlReader.Read(text, $"preset {name}", diagnostics) as YamlMapping;
        ImmutableArray<WatchConfig> watch = [];
        ImmutableArray<PatchConfig> patch = [];
        ImmutableArray<ActionConfig> action = [];
        if (root is not null)
        {
            watch = Bind(root, "watch", inner, WatchConfig.BindYaml);
            patch = Bind(root, "patch", inner, PatchConfig.BindYaml);
            action = Bind(root, "action", inner, ActionConfig.BindYaml);
        }

        if (root is null || diagnostics.HasErrors)
        {
            // The presets are ours and tested: this is a bug, reported where the user named the preset.
            Report(context, at, binding.Node, $"'{path}.preset' {name} cannot be expanded: {string.Join("; ", diagnostics.Items.Select(d => d.Message))}");
            return binding;
        }

        // Expanded, the binding is its associations: a dump of it (check --dump) reads back as the same binding,
        // not expanded a second time.
        return binding with { Preset = Preset.None, Watch = [.. watch, .. binding.Watch], Patch = [.. patch, .. binding.Patch], Action = [.. action, .. binding.Action] };
    }

    /// <summary>
    /// <c>&lt;namespace&gt;/&lt;name&gt;</c> of a named binding (the concrete names: a named binding has one object), or
    /// <c>&lt;name&gt;</c> without a namespace (cluster-scoped kinds such as Node, or a binding that leaves it to the
    /// kube context); a binding of many objects (SPEC 12) gets the <c>{namespace}/{name}</c> placeholders (<c>{name}</c>
    /// for Nodes), so each bound object has topics of its own.
    /// </summary>
    internal static string TopicBase(BindingConfig binding) => binding switch
    {
        // Many objects: each one's own topics (SPEC 12 placeholders); Nodes have no namespace.
        { BindsMany: true, Preset: Preset.Node } => "{name}",
        { BindsMany: true } => "{namespace}/{name}",
        { Namespace: { Length: > 0 } ns } => $"{ns}/{binding.Name}",
        _ => binding.Name ?? "",
    };

    private static ImmutableArray<T> Bind<T>(YamlMapping root, string key, ConfigBindContext context, Func<YamlNode, ConfigBindContext, string, T?> bind)
        where T : class
    {
        if (root.Get(key) is not YamlSequence items)
        {
            return [];
        }

        var list = ImmutableArray.CreateBuilder<T>();
        for (var i = 0; i < items.Items.Count; i++)
        {
            if (bind(items.Items[i], context, $"{key}[{i}]") is { } item)
            {
                list.Add(item);
            }
        }

        return list.ToImmutable();
    }

    private static void Report(ConfigBindContext context, YamlNode? at, YamlMapping? binding, string message)
    {
        if ((at ?? binding) is { } node)
        {
            context.Error(node, message);
        }
    }
}
