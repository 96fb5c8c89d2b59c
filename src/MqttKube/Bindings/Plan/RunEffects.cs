using System.Text.Json.Nodes;

namespace MqttKube.Bindings.Plan;

/// <summary>The Job a <c>run</c> creates (pure functions: the service and <c>dry-run</c> alike).</summary>
internal static class RunEffects
{
    /// <summary>Labels the Job controller adds to a Job and its pod template; a Job made from another must not carry them.</summary>
    private static readonly string[] ControllerLabels = ["controller-uid", "batch.kubernetes.io/controller-uid", "job-name", "batch.kubernetes.io/job-name"];

    /// <summary>
    /// What <c>kubectl create job --from=cronjob/NAME</c> creates: a Job from <c>spec.jobTemplate</c>, named
    /// <c>NAME-manual-UID</c> (NAME shortened to keep the name within 63 characters), annotated
    /// <c>cronjob.kubernetes.io/instantiate: manual</c>, owned by the CronJob (a controller reference, so the CronJob's
    /// controller counts it and deleting the CronJob deletes it).
    /// </summary>
    public static JsonObject JobFromCronJob(JsonObject cronJob, string uid)
    {
        var template = cronJob["spec"]?["jobTemplate"] as JsonObject ?? [];
        var name = (string?)cronJob["metadata"]?["name"] ?? "cronjob";
        var suffix = $"-manual-{uid}";
        var stem = name.Length + suffix.Length > 63 ? name[..(63 - suffix.Length)].TrimEnd('-', '.') : name;
        var annotations = template["metadata"]?["annotations"]?.DeepClone() as JsonObject ?? [];
        annotations["cronjob.kubernetes.io/instantiate"] = "manual";
        var metadata = new JsonObject
        {
            ["name"] = stem + suffix,
            ["labels"] = template["metadata"]?["labels"]?.DeepClone() ?? new JsonObject(),
            ["annotations"] = annotations,
            ["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = (string?)cronJob["apiVersion"] ?? "batch/v1",
                ["kind"] = "CronJob",
                ["name"] = name,
                ["uid"] = (string?)cronJob["metadata"]?["uid"],
                ["controller"] = true,
            }),
        };
        return new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = metadata,
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }

    /// <summary>
    /// The Job again from its own spec, as a client would write it: name, labels, annotations and spec, without what the
    /// API server and the Job controller added (status, uid, the generated selector and its labels).
    /// </summary>
    public static JsonObject JobAgain(JsonObject job)
    {
        var labels = job["metadata"]?["labels"]?.DeepClone() as JsonObject ?? [];
        var spec = job["spec"]?.DeepClone() as JsonObject ?? [];
        if ((bool?)spec["manualSelector"] != true)
        {
            spec.Remove("selector");
            foreach (var label in ControllerLabels)
            {
                labels.Remove(label);
                (spec["template"]?["metadata"]?["labels"] as JsonObject)?.Remove(label);
            }
        }

        var metadata = new JsonObject { ["name"] = (string?)job["metadata"]?["name"], ["labels"] = labels };
        if (job["metadata"]?["annotations"]?.DeepClone() is JsonObject annotations)
        {
            metadata["annotations"] = annotations;
        }

        return new JsonObject { ["apiVersion"] = "batch/v1", ["kind"] = "Job", ["metadata"] = metadata, ["spec"] = spec };
    }
}
