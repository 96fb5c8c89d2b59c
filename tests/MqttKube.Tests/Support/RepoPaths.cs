namespace MqttKube.Tests.Support;

/// <summary>Where the repository and the shared folder beside it are, found from the test binaries.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MqttKube.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (MqttKube.slnx) above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    /// <summary><c>../shared</c> beside the checkout.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>A folder of the test sources (not the output folder), e.g. <c>Configuration/Cases</c>.</summary>
    public static string TestSource(string relative) => Path.Combine(Root, "tests", "MqttKube.Tests", relative);
}
