/** Input ids of the lookup forms: the targets of the error summaries' links. */
export const idFormFieldId = (field: string) => (field === 'country' ? 'id-country' : 'idNumber');
export const addressFormFieldId = (field: string) => `address-${field}`;
export const reportFormFieldId = (field: string, values: Record<string, string>) => `report-${values.stationId ?? ''}-${field}`;
