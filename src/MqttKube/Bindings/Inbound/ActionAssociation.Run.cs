using System.Text.Json.Nodes;
using MqttKube.Configuration;

namespace MqttKube.Bindings.Inbound;

internal sealed partial class ActionAssociation
{
    /// <summary>
    /// <c>run</c> (the cronjob and job presets): a CronJob's Job is created beside it (a new name each time); a Job is
    /// created again under its own name, replacing the old one (<c>on-exists: replace</c>: delete, wait, create).
    /// </summary>
    private async Task<ActionOutcome> RunAsync(JsonObject job, CancellationToken cancellationToken)
    {
        var type = Binding.Type!;
        if (type.Kind == "CronJob")
        {
            var jobs = await Services.Kube.ResolveAsync("Job", "batch/v1", cancellationToken).ConfigureAwait(false);
            return await LaunchAsync(jobs, job, OnExists.Skip, cancellationToken).ConfigureAwait(false);
        }

        return await LaunchAsync(type, job, OnExists.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A binding without watches keeps no copy of its object: <c>run</c> needs it (the template is the object).</summary>
    private async Task<JsonObject?> CurrentForRunAsync(CancellationToken cancellationToken) =>
        Binding.Type!.Kind is "CronJob" or "Job"
            ? await Services.Kube.GetAsync(Binding.Type, Target.Namespace, Target.Name, cancellationToken).ConfigureAwait(false)
            : null;
}
