namespace EhrCodingAssist.Smart.Discovery;

/// <summary>Why discovery refused a server.</summary>
public enum DiscoveryFailure
{
    /// <summary>Neither the well-known document nor the CapabilityStatement could be read.</summary>
    Unreachable,

    /// <summary>The documents were read but lack the needed endpoints or are malformed.</summary>
    Invalid,

    /// <summary>The server does not advertise PKCE S256.</summary>
    MissingS256,
}

/// <summary>Discovery of a server's SMART configuration failed.</summary>
public sealed class SmartDiscoveryException(DiscoveryFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The kind of failure.</summary>
    public DiscoveryFailure Failure { get; } = failure;
}
