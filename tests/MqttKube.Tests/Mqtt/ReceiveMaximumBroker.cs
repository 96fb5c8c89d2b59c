using System.Net;
using System.Net.Sockets;

namespace MqttKube.Tests.Mqtt;

/// <summary>
/// A minimal MQTT 5 broker for one client that announces a Receive Maximum in its CONNACK (Mosquitto sends none) and
/// acknowledges each QoS 1 PUBLISH a little later, counting the most unacknowledged ones it ever held: a client that
/// keeps within the Receive Maximum never makes it hold more.
/// </summary>
internal sealed class ReceiveMaximumBroker : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Lock gate = new();
    private readonly ushort receiveMaximum;
    private readonly Task serving;
    private int unacknowledged;

    public ReceiveMaximumBroker(ushort receiveMaximum)
    {
        this.receiveMaximum = receiveMaximum;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        serving = ServeAsync();
    }

    public int Port { get; }

    /// <summary>The most QoS 1 publishes it held unacknowledged at once.</summary>
    public int MostUnacknowledged { get; private set; }

    /// <summary>QoS 1 publishes received.</summary>
    public int Received { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await serving;
        stop.Dispose();
    }

    private async Task ServeAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await listener.AcceptSocketAsync(stop.Token);
                await using var stream = new NetworkStream(socket);
                await ConverseAsync(stream);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // stopped, or the client went away
        }
    }

    private async Task ConverseAsync(NetworkStream stream)
    {
        var send = new SemaphoreSlim(1);
        async Task SendAsync(params byte[] packet)
        {
            await send.WaitAsync(stop.Token);
            try
            {
                await stream.WriteAsync(packet, stop.Token);
            }
            finally
            {
                send.Release();
            }
        }

        while (await ReadPacketAsync(stream) is { } packet)
        {
            var (type, body) = packet;
            switch (type >> 4)
            {
                case 1: // CONNECT → CONNACK: success, properties: Receive Maximum
                    await SendAsync(0x20, 6, 0, 0, 3, 0x21, (byte)(receiveMaximum >> 8), (byte)receiveMaximum);
                    break;
                case 3 when ((type >> 1) & 3) == 1: // PUBLISH QoS 1 → PUBACK 20 ms later
                    var topicLength = (body[0] << 8) | body[1];
                    var (high, low) = (body[2 + topicLength], body[3 + topicLength]);
                    lock (gate)
                    {
                        Received++;
                        MostUnacknowledged = Math.Max(MostUnacknowledged, ++unacknowledged);
                    }

                    _ = Task.Delay(20, stop.Token).ContinueWith(
                        async _ =>
                        {
                            lock (gate)
                            {
                                unacknowledged--;
                            }

                            await SendAsync(0x40, 2, high, low);
                        },
                        TaskScheduler.Default);
                    break;
                case 8: // SUBSCRIBE → SUBACK granting QoS 1 to each filter
                    var filters = 0;
                    var at = 2 + 1 + body[2]; // packet id, properties (short ones: a one-byte length)
                    while (at < body.Length)
                    {
                        at += 2 + ((body[at] << 8) | body[at + 1]) + 1;
                        filters++;
                    }

                    await SendAsync([0x90, (byte)(3 + filters), body[0], body[1], 0, .. Enumerable.Repeat((byte)1, filters)]);
                    break;
                case 12: // PINGREQ → PINGRESP
                    await SendAsync(0xD0, 0);
                    break;
                case 14: // DISCONNECT
                    return;
            }
        }
    }

    private async Task<(byte Type, byte[] Body)?> ReadPacketAsync(NetworkStream stream)
    {
        var one = new byte[1];
        if (await stream.ReadAsync(one, stop.Token) == 0)
        {
            return null;
        }

        var type = one[0];
        int length = 0, shift = 0;
        do
        {
            await stream.ReadExactlyAsync(one, stop.Token);
            length |= (one[0] & 0x7F) << shift;
            shift += 7;
        }
        while ((one[0] & 0x80) != 0);

        var body = new byte[length];
        await stream.ReadExactlyAsync(body, stop.Token);
        return (type, body);
    }
}
