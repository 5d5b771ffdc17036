namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>The stored working set changed between loading and saving it (another save won); the coder must reload.</summary>
internal sealed class WorkingSetConflictException(Exception inner)
    : Exception("The working set changed since it was loaded (someone else saved it); reload it and apply your change again.", inner);
