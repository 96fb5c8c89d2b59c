using System.Text.Json.Nodes;
using MqttKube.FakeKube;

namespace MqttKube.Demo;

/// <summary>
/// The fake cluster of the demo, seeded with the objects of examples/config-demo.yaml, and the controllers' part
/// played by a small loop: a Deployment's replicas become available, a Job runs and succeeds.
/// </summary>
internal sealed class DemoCluster : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private DateTimeOffset? jobSeen;

    private DemoCluster(FakeKubeServer server)
    {
        Server = server;
        loop = Task.Run(() => RunAsync(stop.Token));
    }

    public FakeKubeServer Server { get; }

    public static async Task<DemoCluster> StartAsync()
    {
        var server = await FakeKubeServer.StartAsync();
        server.Upsert("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"jellyfin","namespace":"media","labels":{"app":"jellyfin"}},
             "spec":{"replicas":0,"selector":{"matchLabels":{"app":"jellyfin"}},
                     "template":{"metadata":{"labels":{"app":"jellyfin"}},"spec":{"containers":[{"name":"jellyfin","image":"jellyfin/jellyfin"}]}}}}
            """);
        server.Upsert("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"sonarr","namespace":"media","labels":{"app":"sonarr","mqtt-kube/expose":"true"}},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"sonarr"}},
                     "template":{"metadata":{"labels":{"app":"sonarr"}},"spec":{"containers":[{"name":"sonarr","image":"linuxserver/sonarr"}]}}},
             "status":{"availableReplicas":3}}
            """);
        server.Upsert("""
            {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"backup","namespace":"media","uid":"6d1c0b8e-0000-4000-8000-00000000b4c0"},
             "spec":{"schedule":"0 3 * * *","jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"backup","image":"busybox","command":["true"]}]}}}}},
             "status":{"lastScheduleTime":"2026-01-01T03:00:00Z","lastSuccessfulTime":"2026-01-01T03:00:09Z"}}
            """);
        server.Upsert("""
            {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"kube-proxy","namespace":"kube-system"},
             "spec":{"selector":{"matchLabels":{"k8s-app":"kube-proxy"}},"template":{"metadata":{"labels":{"k8s-app":"kube-proxy"}},"spec":{"containers":[{"name":"kube-proxy","image":"registry.k8s.io/kube-proxy"}]}}},
             "status":{"numberReady":2,"desiredNumberScheduled":3}}
            """);
        return new DemoCluster(server);
    }

    /// <summary>A third node joins: kube-proxy becomes ready there.</summary>
    public void NodeJoins() => Server.Modify("apps/v1", "DaemonSet", "kube-system", "kube-proxy", o => o["status"]!["numberReady"] = 3);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        await Server.DisposeAsync();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(200, cancellationToken);
            ReconcileDeployment("jellyfin");
            ReconcileDeployment("sonarr");
            ReconcileJob();
        }
    }

    private void ReconcileDeployment(string name)
    {
        var deployment = Server.Get("apps/v1", "Deployment", "media", name);
        var wanted = (int?)deployment?["spec"]?["replicas"] ?? 0;
        var available = (int?)deployment?["status"]?["availableReplicas"] ?? 0;
        if (deployment is not null && wanted != available)
        {
            // Kubernetes omits zero-valued status fields: availableReplicas disappears at 0.
            Server.Modify("apps/v1", "Deployment", "media", name, o => o["status"] = wanted == 0 ? new JsonObject() : new JsonObject { ["availableReplicas"] = wanted });
        }
    }

    private void ReconcileJob()
    {
        var job = Server.Get("batch/v1", "Job", "default", "example");
        if (job is null || job["metadata"]?["deletionTimestamp"] is not null)
        {
            jobSeen = null;
            return;
        }

        jobSeen ??= DateTimeOffset.UtcNow;
        var status = job["status"] as JsonObject;
        if (status?["active"] is null && status?["succeeded"] is null)
        {
            Server.Modify("batch/v1", "Job", "default", "example", o => o["status"] = new JsonObject { ["active"] = 1 });
        }
        else if (status?["succeeded"] is null && DateTimeOffset.UtcNow - jobSeen > TimeSpan.FromSeconds(1.5))
        {
            Server.Modify("batch/v1", "Job", "default", "example", o => o["status"] = new JsonObject { ["succeeded"] = 1 });
        }
    }
}
