/* eslint-disable */ // stand-in: replaced by the tauri-specta export

// Hand-written stand-in with the shape tauri-specta (rc.26) generates from the
// Rust commands. Do not import this file from components: go through
// `src/ipc/client.ts`, so regenerating it touches nothing else.

/** user-defined commands **/

export const commands = {
async listAccounts() : Promise<Result<AccountSummary[], IpcError>> {
    try {
    return { status: "ok", data: await TAURI_INVOKE("list_accounts") };
} catch (e) {
    if(e instanceof Error) throw e;
    else return { status: "error", error: e  as any };
}
},
async listDeals() : Promise<Result<DealSummary[], IpcError>> {
    try {
    return { status: "ok", data: await TAURI_INVOKE("list_deals") };
} catch (e) {
    if(e instanceof Error) throw e;
    else return { status: "error", error: e  as any };
}
}
}

/** user-defined events **/



/** user-defined constants **/



/** user-defined types **/

export type AccountSummary = { id: string; name: string; industry: string; region: string; people: number; open_deals: number }
export type DealStatus = "open" | "won" | "lost" | "abandoned"
export type DealSummary = { id: string; account: string; account_name: string; name: string; amount: number; currency: string; stage: string; stage_name: string; stage_name_en: string; stage_index: number; status: DealStatus; grade: Grade; expected_close: string | null }
export type Grade = "A" | "B" | "C" | "D" | "E"
export type IpcError = { code: string; message: string }

/** tauri-specta globals **/

import {
	invoke as TAURI_INVOKE,
} from "@tauri-apps/api/core";

export type Result<T, E> =
	| { status: "ok"; data: T }
	| { status: "error"; error: E };
