/** Reports: the list, one report's preview and exports, and the edits that change them. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { MethodInput } from '../../../shared/contract'
import type { Report } from '../../../shared/model'
import { call } from './client'
import { projectKeys } from './project'

export const reportKeys = {
  all: ['reports'] as const,
  list: () => [...reportKeys.all, 'list'] as const,
  choices: () => [...reportKeys.all, 'choices'] as const,
  /** The preview is keyed on the report's updatedAt: each saved edit renders afresh. */
  html: (id: string, updatedAt: string) => [...reportKeys.all, 'html', id, updatedAt] as const,
}

export function useReports() {
  return useQuery({ queryKey: reportKeys.list(), queryFn: () => call('reports.list', {}) })
}

export function useReportChoices() {
  return useQuery({ queryKey: reportKeys.choices(), queryFn: () => call('reports.choices', {}) })
}

export function useReportHtml(report: Report | undefined) {
  return useQuery({
    queryKey: reportKeys.html(report?.id ?? '', report?.updatedAt ?? ''),
    queryFn: () => call('reports.html', { id: report!.id }),
    enabled: report !== undefined,
    placeholderData: (previous) => previous,
    staleTime: Infinity,
  })
}

/** Puts a saved report into the cached list, so the list and the composer agree at once. */
function useStoreInList() {
  const client = useQueryClient()
  return (report: Report): void => {
    client.setQueryData<Report[]>(reportKeys.list(), (list) => {
      const others = (list ?? []).filter((r) => r.id !== report.id)
      return [report, ...others]
    })
  }
}

export function useCreateReport() {
  const client = useQueryClient()
  const store = useStoreInList()
  return useMutation({
    mutationFn: (input: MethodInput<'reports.create'>) => call('reports.create', input),
    onSuccess: (report) => {
      store(report)
      void client.invalidateQueries({ queryKey: projectKeys.info() })
    },
  })
}

export function useUpdateReport() {
  const store = useStoreInList()
  return useMutation({
    mutationFn: (input: MethodInput<'reports.update'>) => call('reports.update', input),
    onSuccess: store,
  })
}

export function useDeleteReport() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => call('reports.delete', { id }),
    onSuccess: ({ id }) => {
      client.setQueryData<Report[]>(reportKeys.list(), (list) => list?.filter((r) => r.id !== id))
      void client.invalidateQueries({ queryKey: projectKeys.info() })
    },
  })
}

export function useExportPdf() {
  return useMutation({ mutationFn: (id: string) => call('reports.pdf', { id }) })
}

export function useExportHtml() {
  return useMutation({ mutationFn: (id: string) => call('reports.html', { id }) })
}

export function useExportMarkdown() {
  return useMutation({ mutationFn: (id: string) => call('reports.markdown', { id }) })
}
