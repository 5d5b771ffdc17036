namespace EhrCodingAssist.Web.Launch;

/// <summary>Why a launch was refused; each maps to a fixed, PHI-free message on the launch error page.</summary>
public enum LaunchFailure
{
    /// <summary>The request lacks iss, or a parameter is malformed.</summary>
    BadRequest,

    /// <summary>The launch type (EHR or standalone) is not enabled for this registration.</summary>
    LaunchTypeNotAllowed,

    /// <summary>The EHR's SMART configuration could not be read.</summary>
    DiscoveryFailed,

    /// <summary>The EHR does not support PKCE S256.</summary>
    PkceNotSupported,

    /// <summary>No session cookie came back with the callback (cookies blocked, or the launch expired).</summary>
    SessionLost,

    /// <summary>The state does not match a launch of this browser.</summary>
    BadState,

    /// <summary>The authorization server returned an error instead of a code.</summary>
    AuthorizationDenied,

    /// <summary>The token endpoint refused the code exchange.</summary>
    TokenRefused,

    /// <summary>The id_token failed validation.</summary>
    InvalidIdToken,
}
