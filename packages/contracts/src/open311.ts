// Contract of the Open311 GeoReport v2 endpoints. Their replies are the standard's own
// documents, in JSON or XML (open311/format.ts renders them), so only the inputs are here;
// the standard names its parameters, so any are accepted and the service reads its own.
import { Type } from 'typebox';

export const AnyParams = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));
/** A resource with its format as the file extension, e.g. services.json or 42.xml. */
export const FileParams = Type.Object({ file: Type.String({ maxLength: 200 }) });
