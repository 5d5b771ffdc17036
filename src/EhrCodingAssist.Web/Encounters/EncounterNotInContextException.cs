namespace EhrCodingAssist.Web.Encounters;

/// <summary>The requested encounter is not the session's (other patient, or no patient subject).</summary>
public sealed class EncounterNotInContextException(string message) : Exception(message);
