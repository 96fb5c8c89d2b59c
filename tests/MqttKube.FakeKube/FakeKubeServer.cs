using System.Net;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace MqttKube.FakeKube;

/// <summary>
/// An in-process fake kube-apiserver speaking the real wire protocol (discovery, REST, watch, Status errors) on
/// 127.0.0.1, for tests. Test controls are in <c>FakeKubeServer.Controls.cs</c>.
/// </summary>
public sealed partial class FakeKubeServer : IAsyncDisposable
{
    private WebApplication app = null!;

    private FakeKubeServer(FakeKubeOptions options, FakeCertificates? certificates)
    {
        Options = options;
        Certificates = certificates;
        Store = new FakeObjectStore(Catalog);
    }

    public FakeKubeOptions Options { get; }

    /// <summary>The generated CA and certificates when serving HTTPS.</summary>
    public FakeCertificates? Certificates { get; }

    public FakeResourceCatalog Catalog { get; } = new();

    public FakeObjectStore Store { get; }

    /// <summary>The bound address, e.g. `http://127.0.0.1:41234`.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeKubeServer> StartAsync(FakeKubeOptions? options = null)
    {
        options ??= new FakeKubeOptions();
        var server = new FakeKubeServer(options, options.Https ? FakeCertificates.Create() : null);
        await server.ListenAsync(options.Port).ConfigureAwait(false);
        return server;
    }

    /// <summary>
    /// Stops serving and serves again on the same address, as a restarted kube-apiserver does: open connections break,
    /// the objects stay, and the new watch cache starts now (a watch from an older resourceVersion gets 410 Gone).
    /// </summary>
    public async Task RestartAsync()
    {
        CutWatches();
        await app.StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        ExpireHistory();
        await ListenAsync(BaseAddress.Port).ConfigureAwait(false);
    }

    private async Task ListenAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AllowSynchronousIO = false;
            k.Listen(IPAddress.Loopback, port, listen =>
            {
                if (Certificates != null)
                {
                    listen.UseHttps(new HttpsConnectionAdapterOptions
                    {
                        ServerCertificate = Certificates.Server,
                        ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                        ClientCertificateValidation = (_, _, _) => true,
                    });
                }
            });
        });
        app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        CutWatches();
        await app.StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
