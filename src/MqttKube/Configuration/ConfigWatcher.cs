namespace MqttKube.Configuration;

/// <summary>
/// Watches the folder of the config file (not the file: a mounted ConfigMap changes by swapping its <c>..data</c>
/// symlink to a new folder, which a watch on the file itself never sees) and calls back once things have been quiet
/// for <c>debounce</c>: an editor's save or a ConfigMap update is a burst of events, handled once. The callback
/// decides whether anything it cares about changed (the reloader compares the files' contents).
/// </summary>
internal sealed class ConfigWatcher : IDisposable
{
    private readonly FileSystemWatcher watcher;
    private readonly ITimer timer;
    private readonly TimeSpan debounce;
    private int disposed;

    public ConfigWatcher(string configPath, TimeSpan debounce, Action changed, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(changed);
        this.debounce = debounce;
        timer = (time ?? TimeProvider.System).CreateTimer(_ => changed(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var folder = Path.GetDirectoryName(Path.GetFullPath(configPath)) ?? "/";
        watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += (_, _) => Poke();
        watcher.Created += (_, _) => Poke();
        watcher.Deleted += (_, _) => Poke();
        watcher.Renamed += (_, _) => Poke();
        watcher.Error += (_, _) => Poke(); // events were lost (buffer overflow): look anyway
        watcher.EnableRaisingEvents = true;
        Folder = folder;
    }

    /// <summary>The folder watched.</summary>
    public string Folder { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            watcher.Dispose();
            timer.Dispose();
        }
    }

    /// <summary>Something changed in the folder: (re)start the quiet period.</summary>
    private void Poke()
    {
        if (Volatile.Read(ref disposed) == 0)
        {
            timer.Change(debounce, Timeout.InfiniteTimeSpan);
        }
    }
}
