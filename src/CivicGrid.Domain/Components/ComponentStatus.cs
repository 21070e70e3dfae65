namespace CivicGrid.Domain.Components;

/// <summary>完好 / 破损 / 丢失 / 废弃 / 移除.</summary>
public enum ComponentStatus { Intact, Damaged, Lost, Abandoned, Removed }
