namespace EhrCodingAssist.Web.Session;

/// <summary>Reads the current request's launched session (from the session cookie).</summary>
public interface ISmartSessionAccessor
{
    /// <summary>The session of the current request, or null when the browser has not launched.</summary>
    SmartSession? Current { get; }

    /// <summary>Replaces the encounter in context (after the encounter picker).</summary>
    void SelectEncounter(string encounterId);
}
