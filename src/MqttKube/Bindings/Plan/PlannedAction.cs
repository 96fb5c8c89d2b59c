using MqttKube.Configuration;
using MqttKube.Templates;
using MqttKube.ValueMapping;

namespace MqttKube.Bindings.Plan;

/// <summary>An action ready to run: its template loaded and compiled, its value map compiled.</summary>
/// <param name="Binding">The binding it belongs to (its launch label is made from it).</param>
internal sealed record PlannedAction(int Index, ActionConfig Config, Template? Template, ValueMap Values, BindingConfig Binding)
{
    /// <summary>
    /// The <c>mqtt-kube/binding</c> label of what this action launches for the bound object <paramref name="ns"/>/<paramref name="name"/>
    /// (one per object for a binding of many; the binding's own for a named one).
    /// </summary>
    public string LaunchLabel(string? ns, string name) => BindingPlanner.LaunchLabel(Binding, Config, ns, name);
}
