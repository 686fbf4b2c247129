using System.Net;
using System.Net.Sockets;

namespace PloSolver.Deploy.Tests.Infrastructure;

internal static class Network
{
    /// <summary>A loopback port nobody listens on right now (the kernel's choice).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
