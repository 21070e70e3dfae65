namespace CivicGrid.Domain.Organisation;

/// <summary>Where a department sits: city bureau (市局) → district bureau (区局) → team (队/所); companies stand apart.</summary>
public enum DepartmentLevel { CityBureau, DistrictBureau, Team, Company }
