namespace CivicGrid.Domain.Calendar;

public enum TimeType { UrgentHour, WorkHour, WorkDay, NaturalDay }
