using MqttKube.Kubernetes;

namespace MqttKube.Bindings.Ports;

/// <summary>Gets the events of one <see cref="IKubePort.Watch"/>, one at a time and in order.</summary>
internal interface IObjectObserver
{
    /// <summary>
    /// After each (re)list the current state (Added per object, or Absent for a named watch whose object does not
    /// exist; Synced after the Added events of an unnamed watch), then every change. Must not block for long and must
    /// not modify the event's object.
    /// </summary>
    void OnEvent(ObjectEvent e);
}
