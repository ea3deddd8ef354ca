// Reads the query of a request one parameter at a time, refusing a parameter sent more than once.
import type { Context } from "hono";
import { BadRequestError } from "../http-errors.js";

/**
 * A reader of `c`'s query: the value of a parameter, undefined when absent. A parameter sent twice is a 400:
 * readers disagree on which value counts (Hono's `query()` takes the first, API Gateway's REST
 * `queryStringParameters` the last, its HTTP API joins them with commas), so any answer would be a guess.
 */
export function singleQuery(c: Context): (name: string) => string | undefined {
  return (name) => {
    const values = c.req.queries(name);
    if (values && values.length > 1)
      throw new BadRequestError(`${name} is given ${values.length} times; send it once.`);
    return values?.[0];
  };
}
