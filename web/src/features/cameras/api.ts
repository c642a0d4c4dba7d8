// Public cameras on the client. Shapes from @cds/contracts.
import { useQuery } from '@tanstack/react-query';
import type { Camera, CameraList } from '@cds/contracts/cameras';
import { api } from '../../lib/api.ts';

export type { Camera, CameraList };

export function useCameras() {
  return useQuery({ queryKey: ['cameras'], queryFn: ({ signal }) => api<CameraList>('/api/cameras', { signal }) });
}

export function useCamera(id: string) {
  return useQuery({ queryKey: ['camera', id], queryFn: ({ signal }) => api<Camera>(`/api/cameras/${encodeURIComponent(id)}`, { signal }), retry: false });
}
