using System.Text;
using MqttKube.Bindings.Plan;
using MqttKube.Configuration;

namespace MqttKube.Bindings.Reload;

/// <summary>
/// What makes a binding the same across a reload: its config subtree (as <c>check --dump</c> writes it, so comments,
/// layout and key order do not count) and the contents of the template files it names. Two bindings with the same
/// identity behave alike: a reload keeps such a binding running untouched.
/// </summary>
internal static class BindingIdentity
{
    public static string Of(PlannedBinding binding)
    {
        var writer = new ConfigDumpWriter();
        binding.Config.Dump(writer);
        var identity = new StringBuilder(writer.ToString());
        foreach (var action in binding.Config.Action)
        {
            if (action.Launch is { } launch)
            {
                identity.Append("\n#file ").Append(launch.Path).Append('\n').Append(FileText(launch.Path));
            }
        }

        return identity.ToString();
    }

    /// <summary>The content of a file a config names, or why it cannot be read (a change either way counts).</summary>
    internal static string FileText(string path) =>
        InputFile.TryReadBytes(path, out var bytes, out var error) ? Convert.ToBase64String(bytes) : "#error " + error;
}
