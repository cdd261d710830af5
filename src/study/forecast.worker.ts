// Projects the interview-day plan to the day (day-plan.ts's planDays) off the page's thread: for an
// interview months away it takes long enough to be felt after a grade (session.ts asks for it).
import { planDays, type DayPlanOptions, type Projection } from './day-plan.ts';
import type { Progress } from './record.ts';

/** What the page asks: the progress, the whole guide's questions and the plan's options, numbered. */
export interface ForecastRequest {
	id: number;
	progress: Progress;
	guide: string[];
	options: DayPlanOptions;
}

export interface ForecastAnswer {
	id: number;
	projection: Projection | null;
}

self.onmessage = ({ data }: MessageEvent<ForecastRequest>) => {
	const answer: ForecastAnswer = { id: data.id, projection: planDays(data.progress, data.guide, data.options) };
	self.postMessage(answer);
};
