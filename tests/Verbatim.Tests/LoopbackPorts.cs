using System.Net;
using System.Net.Sockets;

namespace Verbatim.Tests;

/// <summary>Ports on 127.0.0.1 for the tests' servers, and for addresses where nothing listens.</summary>
internal static class LoopbackPorts
{
    /// <summary>A port nothing listens on now: the system picks it, and it is released at once.</summary>
    public static int Free()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
