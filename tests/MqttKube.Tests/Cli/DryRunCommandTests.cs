using MqttKube.Cli;

namespace MqttKube.Tests.Cli;

/// <summary><c>mqtt-kube dry-run</c> (SPEC 17): what a message would do, before any cluster is touched.</summary>
public sealed class DryRunCommandTests : IDisposable
{
    private const string Config = """
        mqtt: {topic-prefix: home/kube}
        bindings:
          - namespace: media
            resource: Deployment
            name: jellyfin
            patch:
              - topic: jellyfin/power/set
                locus: spec.replicas
                values: {map: {"ON": 1, "OFF": 0}}
            action:
              - topic: jellyfin/cmd
                values: {map: {RESTART: restart, STOP: delete, FLY: fly}}
          - namespace: batch
            resource: Job
            name: backup
            action:
              topic: backup/run
              launch: !relpath job.yaml
              on-exists: replace
              values: {jsonpath: $.action, map: {RUN: launch, STOP: delete}}
        """;

    private const string Job = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: "{{ binding.name }}-{{ uid }}"
          labels:
            size: "{{ match.json.size | string.downcase }}"
            from: "{{ object.name }}"
        spec:
          parallelism: "{{ match.json.n ?? 1 }}"
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: backup
                  image: "restic:${match.json.get('tag', 'latest')}"
                  args: [backup, "{{ match.json.target }}"]
        """;

    private const string Deployment = """
        {"apiVersion": "apps/v1", "kind": "Deployment",
         "metadata": {"name": "jellyfin", "namespace": "media", "resourceVersion": "42"},
         "spec": {"replicas": 0, "template": {"metadata": {"labels": {"app": "jellyfin"}}}}}
        """;

    private readonly string dir = Directory.CreateTempSubdirectory("mqtt-kube-dry-run-").FullName;

    public DryRunCommandTests()
    {
        File.WriteAllText(Path.Combine(dir, "config.yaml"), Config);
        File.WriteAllText(Path.Combine(dir, "job.yaml"), Job);
        File.WriteAllText(Path.Combine(dir, "deployment.json"), Deployment);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string ConfigPath => Path.Combine(dir, "config.yaml");

    private string ObjectPath => Path.Combine(dir, "deployment.json");

    [Fact]
    public async Task A_patch_shows_the_value_and_the_locus_without_an_object()
    {
        var (exit, stdout, stderr) = await RunAsync(ConfigPath, "home/kube/jellyfin/power/set", "ON");

        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Equal("""
            topic jellyfin/power/set (under topic-prefix 'home/kube'), payload "ON"

            bindings[0].patch[0]: Deployment media/jellyfin, topic jellyfin/power/set
              value: 1
              would write 1 at spec.replicas (give --object FILE to see the JSON Patch)

            """, stdout);
    }

    [Fact]
    public async Task A_patch_against_the_object_shows_the_guarded_json_patch_the_service_would_send()
    {
        var (exit, stdout, stderr) = await RunAsync("--object", ObjectPath, ConfigPath, "home/kube/jellyfin/power/set", "ON");

        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.EndsWith("""
              value: 1
              would send this JSON Patch:
                [
                  {"op":"test","path":"/metadata/resourceVersion","value":"42"},
                  {"op":"replace","path":"/spec/replicas","value":1}
                ]

            """, stdout);
    }

    [Fact]
    public async Task A_patch_whose_value_already_holds_sends_nothing()
    {
        var (exit, stdout, _) = await RunAsync("--object", ObjectPath, ConfigPath, "jellyfin/power/set", "OFF");

        Assert.Equal(0, exit);
        Assert.Contains("topic jellyfin/power/set (outside topic-prefix 'home/kube': read as relative to it)", stdout, StringComparison.Ordinal);
        Assert.Contains("  nothing to send: spec.replicas is already 0\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_miss_says_why_and_that_nothing_would_be_sent()
    {
        var (exit, stdout, _) = await RunAsync(ConfigPath, "home/kube/jellyfin/power/set", "MAYBE");

        Assert.Equal(0, exit);
        Assert.Contains("  no match: no map entry matches; nothing would be sent\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_launch_prints_the_rendered_object_as_the_service_would_create_it()
    {
        var (exit, stdout, stderr) = await RunAsync(ConfigPath, "home/kube/backup/run", """{"action": "RUN", "size": "LARGE", "n": 2, "target": "s3://b", "tag": "0.17"}""");

        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Equal("""
            topic backup/run (under topic-prefix 'home/kube'), payload "{\"action\": \"RUN\", \"size\": \"LARGE\", \"n\": 2, \"target\": \"s3://b\", \"tag\": \"0.17\"}"

            bindings[1].action[0]: Job batch/backup, topic backup/run
              value: "launch"
              would launch Job batch/backup-0a1b2c3d (on-exists: replace: when it exists and this action launched it, it is deleted and created again):
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: backup-0a1b2c3d
                  labels:
                    size: large
                    from: backup
                    app.kubernetes.io/managed-by: mqtt-kube
                    mqtt-kube/binding: backup-0e597fb121
                  namespace: batch
                spec:
                  parallelism: 2
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: backup
                          image: "restic:0.17"
                          args:
                            - backup
                            - "s3://b"

            """, stdout);
    }

    [Fact]
    public async Task A_cronjob_run_names_the_job_it_would_create_not_the_cronjob()
    {
        File.WriteAllText(Path.Combine(dir, "cron.yaml"), """
            bindings:
              - namespace: x
                resource: CronJob
                name: c
                preset: cronjob
            """);
        File.WriteAllText(Path.Combine(dir, "cronjob.json"), """
            {"apiVersion": "batch/v1", "kind": "CronJob",
             "metadata": {"name": "c", "namespace": "x", "uid": "u-1", "resourceVersion": "7"},
             "spec": {"schedule": "0 3 * * *", "jobTemplate": {"spec": {"template": {"spec": {"restartPolicy": "Never",
               "containers": [{"name": "c", "image": "busybox"}]}}}}}}
            """);

        var (exit, stdout, stderr) = await RunAsync("--object", Path.Combine(dir, "cronjob.json"), Path.Combine(dir, "cron.yaml"), "x/c/run/set", "PRESS");

        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Contains("  would launch Job x/c-manual-", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("would launch CronJob", stdout, StringComparison.Ordinal);
        Assert.Contains("\n    kind: Job\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_that_cannot_render_is_refused_with_its_position()
    {
        var (exit, stdout, _) = await RunAsync(ConfigPath, "home/kube/backup/run", """{"action": "RUN", "size": "S", "n": {"a": 1}}""");

        Assert.Equal(0, exit);
        Assert.EndsWith(
            $"  launch: cannot render the template: {Path.Combine(dir, "job.yaml")}:9:16: {{{{ match.json.n ?? 1 }}}} is a mapping: a template value takes only a string, number, boolean or null, never a mapping or list; nothing would be done\n",
            stdout,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delete_names_the_object_and_the_selector_of_launched_objects()
    {
        var (exit, stdout, _) = await RunAsync(ConfigPath, "home/kube/backup/run", """{"action": "STOP"}""");

        Assert.Equal(0, exit);
        Assert.Contains("  would delete Job batch/backup and every Job in batch labelled app.kubernetes.io/managed-by=mqtt-kube,mqtt-kube/binding=backup-0e597fb121 (foreground propagation)\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restart_against_the_object_shows_its_json_patch()
    {
        var (exit, stdout, _) = await RunAsync("--object", ObjectPath, ConfigPath, "home/kube/jellyfin/cmd", "RESTART");

        Assert.Equal(0, exit);
        Assert.EndsWith("""
              value: "restart"
              would restart Deployment media/jellyfin with this JSON Patch:
                [
                  {"op":"test","path":"/metadata/resourceVersion","value":"42"},
                  {"op":"add","path":"/spec/template/metadata/annotations","value":{"kubectl.kubernetes.io/restartedAt":"2026-01-02T03:04:05+00:00"}}
                ]

            """, stdout);
    }

    [Fact]
    public async Task An_unknown_verb_and_a_missing_object_file_are_told_apart()
    {
        var (exit, stdout, _) = await RunAsync(ConfigPath, "home/kube/jellyfin/cmd", "FLY");
        Assert.Equal(0, exit);
        Assert.Contains("  'fly' is not an action (launch, create, delete, restart): nothing would be done\n", stdout, StringComparison.Ordinal);

        (exit, stdout, var stderr) = await RunAsync("--object", Path.Combine(dir, "missing.json"), ConfigPath, "home/kube/jellyfin/cmd", "FLY");
        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.StartsWith("mqtt-kube dry-run: cannot read ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_topic_nothing_listens_on_says_so_and_exits_0()
    {
        var (exit, stdout, stderr) = await RunAsync(ConfigPath, "home/kube/nothing/here", "x");

        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Equal("topic nothing/here (under topic-prefix 'home/kube'), payload \"x\"\nno patch or action listens on this topic: nothing would be done\n", stdout);
    }

    [Fact]
    public async Task Double_dash_ends_the_options_so_a_payload_may_start_with_a_dash()
    {
        var (exit, stdout, stderr) = await RunAsync(ConfigPath, "--", "home/kube/jellyfin/power/set", "-1");

        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Contains("payload \"-1\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_object_can_come_from_standard_input_and_a_different_one_is_noted()
    {
        var other = Deployment.Replace("\"jellyfin\"", "\"emby\"", StringComparison.Ordinal);
        var command = new DryRunCommand(() => new StringReader(other), Time, () => "0a1b2c3d");
        var stdout = new StringWriter();
        var exit = await command.RunAsync(["--object", "-", ConfigPath, "home/kube/jellyfin/power/set", "ON"], stdout, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("  note: the --object is Deployment media/emby, not Deployment media/jellyfin\n", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"value\":\"42\"", stdout.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadInput() => new()
    {
        { ["config.yaml", "t"], "mqtt-kube dry-run: expected CONFIG TOPIC PAYLOAD (try --help)" },
        { ["--nope", "config.yaml", "t", "p"], "mqtt-kube dry-run: unknown option '--nope' (try --help; use -- before a payload that starts with '-')" },
        { ["config.yaml", "a/+/b", "p"], "mqtt-kube dry-run: 'a/+/b' is not a topic a message is published to (not empty, no + or #)" },
        { ["--object", "job.yaml", "config.yaml", "t", "p"], "mqtt-kube dry-run: DIR/job.yaml:1:1: invalid JSON: 'a' is an invalid start of a value." },
        { ["--object", "list.json", "config.yaml", "t", "p"], "mqtt-kube dry-run: DIR/list.json: a List of objects; give one object ('kubectl get KIND NAME -o json')" },
        { ["--object", "array.json", "config.yaml", "t", "p"], "mqtt-kube dry-run: DIR/array.json: not a Kubernetes object (a JSON object with metadata), as 'kubectl get KIND NAME -o json' prints it" },
        { ["--object", "/dev/zero", "config.yaml", "t", "p"], "mqtt-kube dry-run: cannot read '/dev/zero': is a character device, not a regular file" },
        { ["--object"], "mqtt-kube dry-run: --object needs a FILE (try --help)" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_arguments_and_object_files_exit_2_with_one_clear_line(string[] args, string expected)
    {
        File.WriteAllText(Path.Combine(dir, "list.json"), """{"apiVersion": "v1", "kind": "List", "items": []}""");
        File.WriteAllText(Path.Combine(dir, "array.json"), "[]");
        var full = args.Select(a => a.EndsWith(".yaml", StringComparison.Ordinal) || a.EndsWith(".json", StringComparison.Ordinal) ? Path.Combine(dir, a) : a).ToArray();

        var (exit, stdout, stderr) = await RunAsync(full);

        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.Equal(expected.Replace("DIR", dir, StringComparison.Ordinal) + "\n", stderr);
    }

    [Fact]
    public async Task A_bad_config_exits_2_with_what_check_reports()
    {
        File.WriteAllText(Path.Combine(dir, "job.yaml"), "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: \"{{ 1 + }}\"\n");

        var (exit, stdout, stderr) = await RunAsync(ConfigPath, "home/kube/backup/run", "x");
        var (checkExit, _, checkStderr) = await Support.Cli.RunAsync("check", ConfigPath);

        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.Equal((2, checkStderr), (checkExit, stderr));
        Assert.StartsWith($"{Path.Combine(dir, "job.yaml")}:4:17: error: invalid Scriban template in {{{{…}}}}: Error while parsing binary expression", stderr, StringComparison.Ordinal);
        Support.Cli.AssertNoStackTrace(stderr);
    }

    [Fact]
    public async Task Dry_run_is_in_the_command_table_with_its_help()
    {
        var (exit, stdout, _) = await Support.Cli.RunAsync("--help");
        Assert.Equal(0, exit);
        Assert.Contains("  dry-run    print what a message would do", stdout, StringComparison.Ordinal);

        (exit, stdout, _) = await Support.Cli.RunAsync("dry-run", "--help");
        Assert.Equal(0, exit);
        Assert.StartsWith("Usage: mqtt-kube dry-run [--object FILE] [--] CONFIG TOPIC PAYLOAD", stdout, StringComparison.Ordinal);
    }

    private static readonly TimeProvider Time = new FixedTime(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await new DryRunCommand(null, Time, () => "0a1b2c3d").RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
