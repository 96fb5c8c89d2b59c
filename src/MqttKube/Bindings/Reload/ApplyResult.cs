namespace MqttKube.Bindings.Reload;

/// <summary>What applying a new plan did to the running bindings.</summary>
/// <param name="Kept">Bindings left running untouched (the same identity).</param>
/// <param name="Added">Bindings started.</param>
/// <param name="Changed">Bindings restarted with their new config (the same object, another identity).</param>
/// <param name="Removed">Bindings stopped, their retained states cleared.</param>
internal sealed record ApplyResult(int Kept, int Added, int Changed, int Removed)
{
    public bool IsEmpty => Added == 0 && Changed == 0 && Removed == 0;
}
