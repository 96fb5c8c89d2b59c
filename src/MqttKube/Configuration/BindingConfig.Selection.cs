using MqttKube.Bindings;
using MqttKube.Configuration.Yaml;
using MqttKube.Kubernetes;

namespace MqttKube.Configuration;

internal sealed partial record BindingConfig
{
    /// <summary>The name (a plain name or a glob) and the label selector, each reported at its column.</summary>
    private void ValidateSelection(YamlMapping node, ConfigBindContext context, string path)
    {
        if (NameGlob.IsGlob(Name))
        {
            if (!NameGlob.TryParse(Name, out _, out var error, out var column))
            {
                context.Error(At(node.Get("name"), column) ?? node.Position, $"'{path}.name' is not a valid name glob: {error}");
            }
        }
        else if (Name.Length > 0 && !KubernetesNames.IsValidObjectName(Name))
        {
            context.Error(node.Get("name") ?? node, $"'{path}.name' is not a valid Kubernetes object name: '{YamlScalar.Shorten(Name)}'");
        }

        if (Selector is not null && !LabelSelector.TryParse(Selector, out _, out var problem, out var at))
        {
            context.Error(At(node.Get("selector"), at) ?? node.Position, $"'{path}.selector' is not a valid label selector: {problem}");
        }
    }

    private static SourcePosition? At(YamlNode? value, int column) => value is YamlScalar scalar ? ConfigColumns.At(scalar, column) : value?.Position;
}
