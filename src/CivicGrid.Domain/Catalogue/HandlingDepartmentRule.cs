namespace CivicGrid.Domain.Catalogue;

/// <summary>How a case standard names the default handling department of a case.</summary>
public enum HandlingDepartmentRule
{
    /// <summary>The dispatcher chooses every time.</summary>
    DispatcherChoice,
    /// <summary>Always the standard's fixed department.</summary>
    FixedDepartment,
    /// <summary>The component's maintainer (养护单位), else its owner, else the fixed department.</summary>
    ComponentMaintainer,
    /// <summary>The component's owner (权属单位), else the fixed department.</summary>
    ComponentOwner,
    /// <summary>The handling unit of the district the case lies in (属地).</summary>
    DistrictOfCase,
}
