using System.Text.Json.Nodes;
using MqttKube.Bindings.Outbound;
using MqttKube.Kubernetes;

namespace MqttKube.Tests.Bindings.Outbound;

/// <summary>Which object an <c>owned:</c> watch reads: the newest one the bound object owns, as owned objects come and go.</summary>
public sealed class OwnedObjectsTests
{
    private readonly List<IReadOnlySet<string>?> changes = [];
    private readonly OwnedObjects jobs;

    public OwnedObjectsTests() => jobs = new OwnedObjects("Job", changes.Add);

    [Fact]
    public void Only_objects_whose_owner_references_hold_the_uid_are_the_owners()
    {
        List(Job("backup-1", "2025-01-01T03:00:00Z", "uid-backup"), Job("other-1", "2025-01-02T03:00:00Z", "uid-other"), Job("loose", "2025-01-03T03:00:00Z"));

        Assert.Equal("backup-1", NewestName("uid-backup"));
        Assert.Equal("other-1", NewestName("uid-other"));
        Assert.Null(jobs.Newest("uid-none", "media"));
        Assert.Null(jobs.Newest(null, "media"));
    }

    [Fact]
    public void The_newest_by_creation_time_wins_whatever_the_order_they_came_in()
    {
        List(Job("backup-b", "2025-01-02T03:00:00Z", "uid-backup"), Job("backup-c", "2025-01-03T03:00:00Z", "uid-backup"), Job("backup-a", "2025-01-01T03:00:00Z", "uid-backup"));

        Assert.Equal("backup-c", NewestName("uid-backup"));
    }

    [Fact]
    public void Creation_times_compare_as_times_and_ties_go_to_the_greater_name()
    {
        List(Job("backup-manual-1", "2025-01-02T03:00:00Z", "uid-backup"), Job("backup-manual-2", "2025-01-02T03:00:00Z", "uid-backup"), Job("backup-old", "2025-01-02T02:59:59.5+00:00", "uid-backup"));

        Assert.Equal("backup-manual-2", NewestName("uid-backup"));
    }

    [Fact]
    public void Deleting_the_newest_falls_back_to_the_one_before()
    {
        List(Job("backup-1", "2025-01-01T03:00:00Z", "uid-backup"), Job("backup-2", "2025-01-02T03:00:00Z", "uid-backup"));

        jobs.OnEvent(new ObjectEvent(ObjectEventType.Deleted, "media", "backup-2", Job("backup-2", "2025-01-02T03:00:00Z", "uid-backup")));

        Assert.Equal("backup-1", NewestName("uid-backup"));
        Assert.Equal(["uid-backup"], changes[^1]!);
        jobs.OnEvent(new ObjectEvent(ObjectEventType.Deleted, "media", "backup-1", Job("backup-1", "2025-01-01T03:00:00Z", "uid-backup")));
        Assert.Null(jobs.Newest("uid-backup", "media"));
    }

    [Fact]
    public void An_owner_created_again_has_a_new_uid_and_owns_none_of_the_old_objects()
    {
        List(Job("backup-1", "2025-01-01T03:00:00Z", "uid-backup"));

        Assert.Null(jobs.Newest("uid-backup-again", "media"));
        jobs.OnEvent(new ObjectEvent(ObjectEventType.Added, "media", "backup-2", Job("backup-2", "2025-01-01T03:00:00Z", "uid-backup-again")));
        Assert.Equal("backup-2", jobs.Newest("uid-backup-again", "media")?["metadata"]?["name"]?.GetValue<string>());
    }

    [Fact]
    public void A_change_reports_the_owners_of_the_old_and_the_new_version()
    {
        List(Job("backup-1", "2025-01-01T03:00:00Z", "uid-a"));

        jobs.OnEvent(new ObjectEvent(ObjectEventType.Modified, "media", "backup-1", Job("backup-1", "2025-01-01T03:00:00Z", "uid-b")));

        Assert.Equal(["uid-a", "uid-b"], changes[^1]!.Order(StringComparer.Ordinal));
        Assert.Null(jobs.Newest("uid-a", "media"));
        Assert.Equal("backup-1", NewestName("uid-b"));
    }

    [Fact]
    public void Nothing_is_reported_before_the_first_list_is_in_and_its_end_reports_every_owner()
    {
        jobs.OnEvent(new ObjectEvent(ObjectEventType.Added, "media", "backup-1", Job("backup-1", "2025-01-01T03:00:00Z", "uid-backup")));
        Assert.False(jobs.Synced);
        Assert.Empty(changes);

        jobs.OnEvent(new ObjectEvent(ObjectEventType.Synced, "media", null, null));

        Assert.True(jobs.Synced);
        Assert.Equal([null], changes);
        jobs.OnEvent(new ObjectEvent(ObjectEventType.Added, "media", "loose", Job("loose", "2025-01-01T03:00:00Z")));
        Assert.Single(changes); // an object nobody owns changes no result
    }

    [Fact]
    public void An_object_in_another_namespace_is_not_the_owners()
    {
        List(Job("backup-1", "2025-01-01T03:00:00Z", "uid-backup"));
        jobs.OnEvent(new ObjectEvent(ObjectEventType.Added, "elsewhere", "backup-9", Job("backup-9", "2025-01-09T03:00:00Z", "uid-backup", "elsewhere")));

        Assert.Equal("backup-1", NewestName("uid-backup"));
    }

    private string? NewestName(string uid) => (string?)jobs.Newest(uid, "media")?["metadata"]?["name"];

    private void List(params JsonObject[] objects)
    {
        foreach (var obj in objects)
        {
            jobs.OnEvent(new ObjectEvent(ObjectEventType.Added, (string?)obj["metadata"]!["namespace"], (string?)obj["metadata"]!["name"], obj));
        }

        jobs.OnEvent(new ObjectEvent(ObjectEventType.Synced, "media", null, null));
    }

    private static JsonObject Job(string name, string created, string? ownerUid = null, string ns = "media")
    {
        var metadata = new JsonObject { ["namespace"] = ns, ["name"] = name, ["creationTimestamp"] = created };
        if (ownerUid is not null)
        {
            metadata["ownerReferences"] = new JsonArray(new JsonObject { ["apiVersion"] = "batch/v1", ["kind"] = "CronJob", ["name"] = "x", ["uid"] = ownerUid, ["controller"] = true });
        }

        return new JsonObject { ["apiVersion"] = "batch/v1", ["kind"] = "Job", ["metadata"] = metadata, ["status"] = new JsonObject() };
    }
}
