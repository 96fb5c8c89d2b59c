using System.Net;
using System.Net.Sockets;

namespace MqttKube.Tests.Support.Mosquitto;

/// <summary>
/// A loopback TCP relay in front of a broker port, so a test can cut every connection abruptly (RST, no MQTT
/// DISCONNECT): the broker then sees the client die and publishes its last will.
/// </summary>
public sealed class TcpRelay : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int targetPort;
    private readonly List<Socket> sockets = [];
    private readonly CancellationTokenSource stop = new();

    public TcpRelay(int targetPort)
    {
        this.targetPort = targetPort;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptLoopAsync();
    }

    public int Port { get; }

    /// <summary>While true, new connections are closed at once (existing ones are kept).</summary>
    public bool RefuseNewConnections { get; set; }

    /// <summary>Connections relayed so far.</summary>
    public int Accepted { get; private set; }

    /// <summary>Resets every open connection (both sides).</summary>
    public void DropAll()
    {
        lock (sockets)
        {
            foreach (var socket in sockets)
            {
                try
                {
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                }
                catch (SocketException)
                {
                }
            }

            sockets.Clear();
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        DropAll();
        stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket inbound;
            try
            {
                inbound = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            if (RefuseNewConnections)
            {
                inbound.Close();
                continue;
            }

            var outbound = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await outbound.ConnectAsync(IPAddress.Loopback, targetPort);
            }
            catch (SocketException)
            {
                inbound.Close();
                outbound.Dispose();
                continue;
            }

            lock (sockets)
            {
                sockets.Add(inbound);
                sockets.Add(outbound);
                Accepted++;
            }

            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    break;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception)
        {
            // a side went away
        }

        try
        {
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception)
        {
        }
    }
}
